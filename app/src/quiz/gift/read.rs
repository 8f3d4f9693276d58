//! Reading GIFT: chunks of lines, then one question per chunk.

use super::answers::{answers, numeric, true_false};
use super::chars::{decode, starts, text};
use super::options::{read_comment, Options};
use crate::quiz::blanks::blanks;
use crate::quiz::question::{ChoiceOption, MatchPair, Question, QuestionBody};
use crate::quiz::Imported;

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
                    notes: Vec::new(),
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
                accepted: accepted.into_iter().map(Into::into).collect(),
                lenient: !options.case_sensitive,
                wildcards: false,
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
                    credit: None,
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
        notes: Vec::new(),
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
