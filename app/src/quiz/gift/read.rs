//! Reading GIFT: chunks of lines, then one question per chunk.

use super::super::blanks::blanks;
use super::super::question::{ChoiceOption, MatchPair, NumericAnswer, Question, QuestionBody};
use super::super::Imported;

/// The lines of one question (or category command), with the line it starts on.
pub struct Chunk {
    pub line: u32,
    pub lines: Vec<String>,
}

/// Splits `text` on blank lines.
pub fn chunks(text: &str) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut current: Option<Chunk> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        current
            .get_or_insert_with(|| Chunk {
                line: i as u32 + 1,
                lines: Vec::new(),
            })
            .lines
            .push(line.to_owned());
    }
    out.extend(current);
    out
}

/// A character of GIFT text and whether it was escaped.
type Ch = (char, bool);

fn decode(text: &str) -> Vec<Ch> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.peek().copied() {
                Some('n') => {
                    chars.next();
                    out.push(('\n', true));
                }
                // `\%` keeps a leading % from being read as a weight.
                Some(n) if super::is_special(n) || n == '\\' || n == '%' => {
                    chars.next();
                    out.push((n, true));
                }
                _ => out.push(('\\', false)),
            }
        } else {
            out.push((c, false));
        }
    }
    out
}

fn text(chars: &[Ch]) -> String {
    chars
        .iter()
        .map(|(c, _)| *c)
        .collect::<String>()
        .trim()
        .to_owned()
}

fn starts(chars: &[Ch], at: usize, pattern: &str) -> bool {
    pattern
        .chars()
        .enumerate()
        .all(|(k, p)| chars.get(at + k) == Some(&(p, false)))
}

/// Lectern options read from comment lines before a question.
#[derive(Default)]
struct Options {
    tags: Vec<String>,
    points: Option<f64>,
    ordering: bool,
    case_sensitive: bool,
    all_or_nothing: bool,
    unit: Option<String>,
    unit_required: bool,
    blanks: bool,
}

fn read_comment(comment: &str, options: &mut Options) -> Result<(), String> {
    let mut rest = comment;
    while let Some(start) = rest.find('[') {
        let Some(len) = rest[start..].find(']') else {
            break;
        };
        let tag = &rest[start + 1..start + len];
        rest = &rest[start + len + 1..];
        if let Some(name) = tag.strip_prefix("tag:") {
            options.tags.push(name.trim().to_lowercase());
        } else if let Some(points) = tag.strip_prefix("points:") {
            options.points = Some(
                points
                    .trim()
                    .parse()
                    .map_err(|_| format!("“{points}” is not a number of points."))?,
            );
        } else if let Some(unit) = tag.strip_prefix("lectern:unit:") {
            options.unit = Some(unit.trim().to_owned());
        } else {
            match tag {
                "lectern:ordering" => options.ordering = true,
                "lectern:case-sensitive" => options.case_sensitive = true,
                "lectern:all-or-nothing" => options.all_or_nothing = true,
                "lectern:unit-required" => options.unit_required = true,
                "lectern:blanks" => options.blanks = true,
                _ => {}
            }
        }
    }
    Ok(())
}

/// One answer of a block: its prefix (`=` or `~`), weight, text and feedback.
struct Answer {
    right: bool,
    weight: Option<f64>,
    text: String,
    feedback: String,
}

/// Splits an answer block into answers and the general feedback.
fn answers(block: &[Ch]) -> Result<(Vec<Answer>, String), String> {
    let mut general = String::new();
    let mut body = block;
    if let Some(at) = (0..block.len()).find(|i| starts(block, *i, "####")) {
        general = text(&block[at + 4..]);
        body = &block[..at];
    }
    let mut out: Vec<Answer> = Vec::new();
    let mut current: Option<(bool, Vec<Ch>)> = None;
    for ch in body {
        match ch {
            ('=', false) | ('~', false) => {
                if let Some((right, chars)) = current.take() {
                    out.push(answer(right, &chars)?);
                }
                current = Some((ch.0 == '=', Vec::new()));
            }
            _ => match &mut current {
                Some((_, chars)) => chars.push(*ch),
                None if ch.0.is_whitespace() => {}
                None => return Err("Each answer must start with = (right) or ~ (wrong).".into()),
            },
        }
    }
    if let Some((right, chars)) = current {
        out.push(answer(right, &chars)?);
    }
    Ok((out, general))
}

fn answer(right: bool, chars: &[Ch]) -> Result<Answer, String> {
    let mut chars = chars;
    let mut weight = None;
    let trimmed = chars
        .iter()
        .position(|c| !c.0.is_whitespace())
        .unwrap_or(chars.len());
    chars = &chars[trimmed..];
    if chars.first() == Some(&('%', false)) {
        let end = chars[1..]
            .iter()
            .position(|c| *c == ('%', false))
            .ok_or("A weight like %50% is not closed.")?;
        let w = text(&chars[1..end + 1]);
        weight = Some(
            w.parse::<f64>()
                .map_err(|_| format!("“{w}” is not a weight in percent."))?,
        );
        chars = &chars[end + 2..];
    }
    let (answer, feedback) = match chars.iter().position(|c| *c == ('#', false)) {
        Some(at) => (&chars[..at], text(&chars[at + 1..])),
        None => (chars, String::new()),
    };
    Ok(Answer {
        right,
        weight,
        text: text(answer),
        feedback,
    })
}

fn numeric(block: &[Ch], options: &Options) -> Result<QuestionBody, String> {
    let body = &block[1..];
    let has_list = body.contains(&('=', false));
    let mut parsed = Vec::new();
    let items: Vec<String> = if has_list {
        answers(body)?
            .0
            .into_iter()
            .filter(|a| a.right)
            .map(|a| a.text)
            .collect()
    } else {
        let raw = text(body);
        vec![raw.split('#').next().unwrap_or("").trim().to_owned()]
    };
    for item in items {
        let bad = || format!("“{item}” is not a number, a number:tolerance or a min..max range.");
        let answer = if let Some((lo, hi)) = item.split_once("..") {
            let lo: f64 = lo.trim().parse().map_err(|_| bad())?;
            let hi: f64 = hi.trim().parse().map_err(|_| bad())?;
            NumericAnswer {
                value: (lo + hi) / 2.0,
                tolerance: (hi - lo).abs() / 2.0,
            }
        } else if let Some((v, t)) = item.split_once(':') {
            NumericAnswer {
                value: v.trim().parse().map_err(|_| bad())?,
                tolerance: t.trim().parse().map_err(|_| bad())?,
            }
        } else {
            NumericAnswer {
                value: item.trim().parse().map_err(|_| bad())?,
                tolerance: 0.0,
            }
        };
        parsed.push(answer);
    }
    if parsed.is_empty() {
        return Err("A numeric question needs at least one number.".into());
    }
    Ok(QuestionBody::Numeric {
        answers: parsed,
        unit: options.unit.clone(),
        unit_required: options.unit_required,
    })
}

fn true_false(block: &[Ch]) -> Option<(bool, String, String)> {
    let mut parts = block.split(|c| *c == ('#', false));
    let value = match text(parts.next()?).as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return None,
    };
    // Moodle: the first feedback is for a wrong answer, the second for a right one.
    let wrong = parts.next().map(text).unwrap_or_default();
    let right = parts.next().map(text).unwrap_or_default();
    Some((value, wrong, right))
}

/// Reads one chunk: `Ok(None)` for a category command or comments only.
pub fn question(chunk: &Chunk, category: &mut Option<String>) -> Result<Option<Imported>, String> {
    let mut options = Options::default();
    let mut lines = Vec::new();
    for line in &chunk.lines {
        let trimmed = line.trim();
        if let Some(comment) = trimmed.strip_prefix("//") {
            read_comment(comment, &mut options)?;
        } else if let Some(path) = trimmed.strip_prefix("$CATEGORY:") {
            *category = path
                .trim()
                .rsplit('/')
                .next()
                .map(|c| c.trim().to_lowercase())
                .filter(|c| !c.is_empty() && c != "$course$" && c != "top");
        } else {
            lines.push(line.as_str());
        }
    }
    if lines.is_empty() {
        return Ok(None);
    }
    let mut chars = decode(&lines.join("\n"));
    // ::title::
    if starts(&chars, 0, "::") {
        let end = (2..chars.len())
            .find(|i| starts(&chars, *i, "::"))
            .ok_or("A ::title:: is not closed.")?;
        chars.drain(..end + 2);
    }
    let lead = chars.iter().position(|c| !c.0.is_whitespace()).unwrap_or(0);
    chars.drain(..lead);
    // One format marker at most, as Moodle reads it.
    for marker in ["[markdown]", "[html]", "[plain]", "[moodle]"] {
        if starts(&chars, 0, marker) {
            chars.drain(..marker.len());
            break;
        }
    }
    let mut tags = options.tags.clone();
    tags.extend(category.clone());
    let points = options.points.unwrap_or(1.0);
    let open = chars.iter().position(|c| *c == ('{', false));
    let Some(open) = open else {
        return Err("This question has no answers: add them in { } after the question.".into());
    };
    let close = chars[open..]
        .iter()
        .position(|c| *c == ('}', false))
        .map(|p| p + open)
        .ok_or("The answers are not closed with }.")?;
    let before = text(&chars[..open]);
    let after = text(&chars[close + 1..]);
    let block = &chars[open + 1..close];
    let block_text = text(block);
    let missing_word = !after.is_empty();
    let (stem, body, general) = if block_text.is_empty() {
        return Err("Essay questions are not supported.".into());
    } else if block_text.starts_with('#') {
        let general = block_text
            .split_once("####")
            .map(|(_, g)| g.trim().to_owned())
            .unwrap_or_default();
        (before.clone(), numeric(block, &options)?, general)
    } else if let Some((value, wrong, right)) = true_false(block) {
        let (feedback_true, feedback_false) = if value {
            (right, wrong)
        } else {
            (wrong, right)
        };
        (
            before.clone(),
            QuestionBody::TrueFalse {
                answer: value,
                feedback_true,
                feedback_false,
            },
            String::new(),
        )
    } else {
        let (list, general) = answers(block)?;
        if list.is_empty() {
            return Err("This question has no answers.".into());
        }
        let body = if options.blanks {
            let [only] = &list[..] else {
                return Err("A [lectern:blanks] question has its text as its one = answer.".into());
            };
            QuestionBody::FillBlanks {
                text: only.text.clone(),
                lenient: !options.case_sensitive,
            }
        } else if options.ordering {
            QuestionBody::Ordering {
                items: list.into_iter().map(|a| a.text).collect(),
            }
        } else if list.iter().all(|a| a.right) && list.iter().any(|a| a.text.contains("->")) {
            let mut pairs = Vec::new();
            for a in list {
                let (prompt, answer) = a.text.split_once("->").ok_or_else(|| {
                    format!("“{}” needs a -> between the prompt and its match.", a.text)
                })?;
                pairs.push(MatchPair {
                    prompt: prompt.trim().to_owned(),
                    answer: answer.trim().to_owned(),
                });
            }
            QuestionBody::Matching { pairs }
        } else if list.iter().all(|a| a.right && a.weight.is_none()) {
            let accepted: Vec<String> = list.into_iter().map(|a| a.text).collect();
            if missing_word {
                let blank = format!("[[{}]]", accepted.join("|"));
                return Ok(Some(Imported {
                    line: chunk.line,
                    tags,
                    question: Question {
                        stem: "Fill in the blank.".into(),
                        points,
                        general_feedback: general,
                        body: QuestionBody::FillBlanks {
                            text: format!("{before} {blank} {after}").trim().to_owned(),
                            lenient: !options.case_sensitive,
                        },
                    },
                }));
            }
            QuestionBody::ShortText {
                accepted,
                lenient: !options.case_sensitive,
            }
        } else {
            let weighted = list.iter().any(|a| a.weight.is_some());
            let options_list: Vec<ChoiceOption> = list
                .iter()
                .map(|a| ChoiceOption {
                    text: a.text.clone(),
                    correct: if weighted {
                        a.weight.unwrap_or(0.0) > 0.0 || a.right
                    } else {
                        a.right
                    },
                    feedback: a.feedback.clone(),
                })
                .collect();
            let correct = options_list.iter().filter(|o| o.correct).count();
            if correct == 0 {
                return Err(
                    "A choice question needs a right answer (= or a positive %weight%).".into(),
                );
            }
            if weighted || correct > 1 {
                QuestionBody::MultipleChoice {
                    options: options_list,
                    partial_credit: !options.all_or_nothing,
                }
            } else {
                QuestionBody::SingleChoice {
                    options: options_list,
                }
            }
        };
        let stem = if missing_word {
            format!("{before} _____ {after}").trim().to_owned()
        } else {
            before.clone()
        };
        (stem, body, general)
    };
    if stem.is_empty() && !matches!(body, QuestionBody::FillBlanks { .. }) {
        return Err("The question has no text before its answers.".into());
    }
    if let QuestionBody::FillBlanks { text, .. } = &body {
        if blanks(text).is_empty() {
            return Err("No blank found.".into());
        }
    }
    Ok(Some(Imported {
        line: chunk.line,
        tags,
        question: Question {
            stem,
            points,
            general_feedback: general,
            body,
        },
    }))
}
