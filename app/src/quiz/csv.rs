//! Importing questions from CSV (server only). The first row names the columns, in any order:
//!
//! | column | required | meaning |
//! |---|---|---|
//! | `type` | yes | `single_choice`, `multiple_choice`, `true_false`, `short_text`, `numeric`, `ordering`, `matching` or `fill_blanks` |
//! | `question` | yes | the question (markdown) |
//! | `options` | by type | `\|`-separated: the options (choices), the accepted answers (short text), the items in their right order (ordering), `prompt -> answer` pairs (matching), or the text with `[[blanks]]` (fill in the blanks) |
//! | `correct` | by type | the right option numbers from 1, `;`-separated (choices); `true`/`false`; `value:tolerance;…` (numeric) |
//! | `points` | no | default 1 |
//! | `tags` | no | `;`-separated |
//! | `feedback` | no | per option, `\|`-separated (choices) |
//! | `general_feedback` | no | shown with every answer |
//! | `unit` | no | numeric unit |
//! | `partial_credit` | no | `yes`/`no`, multiple choice (default yes) |
//!
//! [`super::CSV_TEMPLATE`] is an example with every type. Errors name the file's line where
//! the bad row starts; [`parse`] returns nothing with any error, [`parse_all`] the rows that
//! read too.

use std::collections::HashMap;

use super::question::{
    ChoiceOption, MatchPair, NumericAnswer, Question, QuestionBody, QuestionKind,
};
use super::Imported;
use crate::models::LineError;

const COLUMNS: [&str; 10] = [
    "type",
    "question",
    "options",
    "correct",
    "points",
    "tags",
    "feedback",
    "general_feedback",
    "unit",
    "partial_credit",
];

fn split(value: &str, on: char) -> Vec<String> {
    if value.trim().is_empty() {
        return Vec::new();
    }
    value.split(on).map(|s| s.trim().to_owned()).collect()
}

fn row(get: &dyn Fn(&str) -> String) -> Result<(Vec<String>, Question), String> {
    let kind_text = get("type");
    let kind = QuestionKind::from_slug(kind_text.trim())
        .ok_or_else(|| format!("Unknown type “{kind_text}”."))?;
    let points = match get("points").trim() {
        "" => 1.0,
        p => p
            .parse::<f64>()
            .map_err(|_| format!("Points “{p}” is not a number."))?,
    };
    let options = split(&get("options"), '|');
    let correct = get("correct");
    let feedback = split(&get("feedback"), '|');
    let numbers = |text: &str| -> Result<Vec<usize>, String> {
        split(text, ';')
            .iter()
            .map(|n| match n.parse::<usize>() {
                Ok(i) if (1..=options.len()).contains(&i) => Ok(i - 1),
                _ => Err(format!(
                    "“{n}” is not an option number from 1 to {}.",
                    options.len()
                )),
            })
            .collect()
    };
    let choices = |right: &[usize]| -> Vec<ChoiceOption> {
        options
            .iter()
            .enumerate()
            .map(|(i, text)| ChoiceOption {
                text: text.clone(),
                correct: right.contains(&i),
                feedback: feedback.get(i).cloned().unwrap_or_default(),
                credit: None,
            })
            .collect()
    };
    let body = match kind {
        QuestionKind::SingleChoice => QuestionBody::SingleChoice {
            options: choices(&numbers(&correct)?),
        },
        QuestionKind::MultipleChoice => QuestionBody::MultipleChoice {
            options: choices(&numbers(&correct)?),
            partial_credit: !matches!(
                get("partial_credit").trim().to_lowercase().as_str(),
                "no" | "false" | "0"
            ),
        },
        QuestionKind::TrueFalse => QuestionBody::TrueFalse {
            answer: match correct.trim().to_lowercase().as_str() {
                "true" | "t" | "yes" => true,
                "false" | "f" | "no" => false,
                other => return Err(format!("“{other}” is not true or false.")),
            },
            feedback_true: String::new(),
            feedback_false: String::new(),
        },
        QuestionKind::ShortText => QuestionBody::ShortText {
            accepted: options.into_iter().map(Into::into).collect(),
            lenient: true,
            wildcards: false,
        },
        QuestionKind::Numeric => {
            let mut answers = Vec::new();
            for item in split(&correct, ';') {
                let (v, t) = item.split_once(':').unwrap_or((&item, "0"));
                let bad = || format!("“{item}” is not value:tolerance.");
                answers.push(NumericAnswer::new(
                    v.trim().parse().map_err(|_| bad())?,
                    t.trim().parse().map_err(|_| bad())?,
                ));
            }
            let unit = get("unit").trim().to_owned();
            QuestionBody::Numeric {
                answers,
                unit: (!unit.is_empty()).then_some(unit),
                unit_required: false,
                other_feedback: String::new(),
            }
        }
        QuestionKind::Ordering => QuestionBody::Ordering { items: options },
        QuestionKind::Matching => QuestionBody::Matching {
            pairs: options
                .iter()
                .map(|p| {
                    p.split_once("->")
                        .map(|(a, b)| MatchPair {
                            prompt: a.trim().to_owned(),
                            answer: b.trim().to_owned(),
                        })
                        .ok_or_else(|| {
                            format!("“{p}” needs a -> between the prompt and its match.")
                        })
                })
                .collect::<Result<_, _>>()?,
        },
        QuestionKind::FillBlanks => QuestionBody::FillBlanks {
            text: get("options").trim().to_owned(),
            lenient: true,
        },
    };
    Ok((
        split(&get("tags"), ';'),
        Question {
            stem: get("question").trim().to_owned(),
            points,
            general_feedback: get("general_feedback").trim().to_owned(),
            body,
        },
    ))
}

/// Line numbers of byte offsets, met in increasing order. `\r\n`, `\r` and `\n` each end a
/// line (the csv reader counts only `\n`, and Excel for Mac ends rows with `\r`).
struct Lines<'a> {
    text: &'a [u8],
    at: usize,
    line: u32,
}

impl Lines<'_> {
    fn line_at(&mut self, position: Option<&::csv::Position>) -> u32 {
        let Some(position) = position else {
            return self.line;
        };
        let end = (position.byte() as usize).min(self.text.len());
        while self.at < end {
            let b = self.text[self.at];
            if b == b'\r' || (b == b'\n' && (self.at == 0 || self.text[self.at - 1] != b'\r')) {
                self.line += 1;
            }
            self.at += 1;
        }
        self.line
    }
}

/// Parses CSV `text` (see the module doc): every question with its line and tags, or every
/// problem found, by line.
pub fn parse(text: &str) -> Result<Vec<Imported>, Vec<LineError>> {
    super::all_or_nothing(parse_all(text))
}

/// Parses CSV `text` as far as it goes: the rows that read as questions, and a problem for
/// each row that did not (by the line it starts on). A bad header row reads nothing.
pub fn parse_all(text: &str) -> (Vec<Imported>, Vec<LineError>) {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .trim(::csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let header_error = |message: String| (Vec::new(), vec![LineError { line: 1, message }]);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return header_error(format!("The header row could not be read: {e}")),
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let name = h.trim().to_lowercase();
        if !COLUMNS.contains(&name.as_str()) {
            return header_error(format!(
                "Unknown column “{h}”. Columns are: {}.",
                COLUMNS.join(", ")
            ));
        }
        index.insert(name, i);
    }
    for required in ["type", "question"] {
        if !index.contains_key(required) {
            return header_error(format!("The header row needs a “{required}” column."));
        }
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut lines = Lines {
        text: text.as_bytes(),
        at: 0,
        line: 1,
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = lines.line_at(e.position());
                errors.push(LineError {
                    line,
                    message: format!("This row could not be read: {e}"),
                });
                continue;
            }
        };
        let line = lines.line_at(record.position());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |name: &str| -> String {
            index
                .get(name)
                .and_then(|i| record.get(*i))
                .unwrap_or("")
                .to_owned()
        };
        match row(&get) {
            Ok((tags, question)) => out.push(Imported {
                line,
                tags,
                question,
                notes: Vec::new(),
            }),
            Err(message) => errors.push(LineError { line, message }),
        }
    }
    (out, errors)
}
