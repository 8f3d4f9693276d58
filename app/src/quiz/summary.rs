//! A question summed up for an instructor to check before it is stored (the import preview):
//! each answer with the share of the points it earns and its feedback, and the settings that
//! change how answers are marked.

use super::present::excerpt;
use super::question::{ChoiceOption, Question, QuestionBody};
use super::Imported;
use crate::models::{AnswerRow, PreviewQuestion};

/// A share of the points (1 is all of them) in percent, to two decimals.
fn percent(share: f64) -> f64 {
    // `+ 0.0` turns -0 into 0, so no "-0%" is shown.
    (share * 10_000.0).round() / 100.0 + 0.0
}

fn row(text: impl Into<String>, credit: Option<f64>, feedback: &str) -> AnswerRow {
    AnswerRow {
        text: text.into(),
        credit,
        feedback: feedback.to_owned(),
        mark: None,
    }
}

fn marked(mut row: AnswerRow, mark: &str) -> AnswerRow {
    row.mark = Some(mark.to_owned());
    row
}

/// Whether a short answer holds a `*` that is not escaped (`\*`): a wildcard.
fn has_wildcard(text: &str) -> bool {
    let mut escaped = false;
    for c in text.chars() {
        match c {
            '*' if !escaped => return true,
            '\\' => escaped = !escaped,
            _ => escaped = false,
        }
    }
    false
}

/// A number as a person writes it: no trailing `.0`.
fn number(value: f64) -> String {
    format!("{value}")
}

/// The answers of `question`, in authored order, each with its credit in percent where answers
/// earn credit of their own, its feedback, and a remark (see [`AnswerRow::mark`]).
pub fn answer_rows(question: &Question) -> Vec<AnswerRow> {
    match &question.body {
        QuestionBody::SingleChoice { options } => options
            .iter()
            .map(|o| row(&o.text, Some(percent(o.share())), &o.feedback))
            .collect(),
        QuestionBody::MultipleChoice {
            options,
            partial_credit,
        } => {
            let shares = ChoiceOption::pick_shares(options, *partial_credit);
            options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    if let Some(share) = shares.as_ref().and_then(|s| s.get(i)) {
                        row(&o.text, Some(percent(*share)), &o.feedback)
                    } else if o.correct {
                        marked(row(&o.text, None, &o.feedback), "right")
                    } else {
                        row(&o.text, None, &o.feedback)
                    }
                })
                .collect()
        }
        QuestionBody::TrueFalse {
            answer,
            feedback_true,
            feedback_false,
        } => vec![
            row(
                "True",
                Some(if *answer { 100.0 } else { 0.0 }),
                feedback_true,
            ),
            row(
                "False",
                Some(if *answer { 0.0 } else { 100.0 }),
                feedback_false,
            ),
        ],
        QuestionBody::ShortText {
            accepted,
            wildcards,
            ..
        } => accepted
            .iter()
            .map(|a| {
                let r = row(&a.text, Some(percent(a.credit)), &a.feedback);
                if *wildcards && has_wildcard(&a.text) {
                    marked(r, "wildcard")
                } else {
                    r
                }
            })
            .collect(),
        QuestionBody::Numeric {
            answers,
            other_feedback,
            ..
        } => {
            let mut rows: Vec<AnswerRow> = answers
                .iter()
                .map(|a| {
                    let text = if a.tolerance == 0.0 {
                        number(a.value)
                    } else {
                        format!("{} ± {}", number(a.value), number(a.tolerance.abs()))
                    };
                    row(text, Some(percent(a.credit)), &a.feedback)
                })
                .collect();
            if !other_feedback.trim().is_empty() {
                rows.push(row("Any other answer", Some(0.0), other_feedback));
            }
            rows
        }
        QuestionBody::Ordering { items } => items
            .iter()
            .enumerate()
            .map(|(i, item)| row(format!("{}. {item}", i + 1), None, ""))
            .collect(),
        QuestionBody::Matching { pairs } => pairs
            .iter()
            .map(|p| {
                if p.is_distractor() {
                    marked(row(&p.answer, None, ""), "distractor")
                } else {
                    row(format!("{} → {}", p.prompt, p.answer), None, "")
                }
            })
            .collect(),
        QuestionBody::FillBlanks { text, .. } => vec![row(text, None, "")],
    }
}

/// The settings of `question` that change how answers are marked, in words.
pub fn details(question: &Question) -> Vec<String> {
    let case = |lenient: bool| {
        if lenient {
            "Case and extra spaces are ignored."
        } else {
            "Case-sensitive."
        }
    };
    let mut out: Vec<&str> = Vec::new();
    match &question.body {
        QuestionBody::SingleChoice { .. } | QuestionBody::TrueFalse { .. } => {}
        QuestionBody::MultipleChoice {
            options,
            partial_credit,
        } => out.push(if options.iter().any(|o| o.credit.is_some()) {
            "The picked options' credits add up (from 0 to 100%)."
        } else if *partial_credit {
            "Partial credit: each right pick earns its share, each wrong pick costs one."
        } else {
            "All or nothing: only the exact set of right options scores."
        }),
        QuestionBody::ShortText {
            lenient, wildcards, ..
        } => {
            out.push(case(*lenient));
            if *wildcards {
                out.push("Wildcards: * matches any text.");
            }
            out.push("The first accepted answer that matches gives its credit.");
        }
        QuestionBody::Numeric {
            unit,
            unit_required,
            ..
        } => {
            if let Some(unit) = unit {
                let rule = if *unit_required {
                    "required"
                } else {
                    "optional"
                };
                return vec![format!("Unit: {unit} ({rule}).")];
            }
        }
        QuestionBody::Ordering { .. } => out.push("Partial credit per item in place."),
        QuestionBody::Matching { .. } => out.push("Partial credit per right match."),
        QuestionBody::FillBlanks { lenient, .. } => {
            out.push(case(*lenient));
            out.push("Partial credit per blank.");
        }
    }
    out.into_iter().map(str::to_owned).collect()
}

/// `item` as an import preview shows it, carrying `tags` (its own and the import's).
pub fn preview(item: &Imported, tags: Vec<String>) -> PreviewQuestion {
    let question = &item.question;
    PreviewQuestion {
        line: item.line,
        kind: question.body.kind(),
        points: question.points,
        stem: excerpt(question),
        answers: answer_rows(question),
        details: details(question),
        general_feedback: question.general_feedback.clone(),
        tags,
        notes: item.notes.clone(),
    }
}
