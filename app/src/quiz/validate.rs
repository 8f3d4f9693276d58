//! Checks an authored question before it is stored; errors name the field at fault.

use super::blanks::{pieces, Piece};
use super::question::{Question, QuestionBody};
use crate::error::FieldErrors;

/// Longest stem or feedback, in characters.
pub const MAX_TEXT: usize = 10_000;

fn too_long(text: &str) -> bool {
    text.chars().count() > MAX_TEXT
}

/// Whether a credit is a share of the points from -100% to 100%.
fn bad_credit(credit: f64) -> bool {
    !(credit.is_finite() && (-1.0..=1.0).contains(&credit))
}

/// Whether `question` may be stored; otherwise the problems, keyed by field (`stem`,
/// `points`, `options`, `options.2.text`, `accepted`, `answers`, `items`, `pairs`, `text`,
/// `feedback`).
pub fn validate(question: &Question) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut add = |field: String, message: &str| {
        errors.entry(field).or_insert_with(|| message.to_owned());
    };
    if question.stem.trim().is_empty() {
        add("stem".into(), "Write the question.");
    } else if too_long(&question.stem) {
        add("stem".into(), "Keep the question under 10,000 characters.");
    }
    if !(question.points.is_finite() && question.points > 0.0 && question.points <= 100.0) {
        add(
            "points".into(),
            "Points must be more than 0 and at most 100.",
        );
    }
    if too_long(&question.general_feedback) {
        add(
            "feedback".into(),
            "Keep the feedback under 10,000 characters.",
        );
    }
    match &question.body {
        QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options, .. } => {
            if !(2..=20).contains(&options.len()) {
                add("options".into(), "Give between 2 and 20 options.");
            }
            for (i, o) in options.iter().enumerate() {
                if o.text.trim().is_empty() {
                    add(
                        format!("options.{i}.text"),
                        "Write this option or remove it.",
                    );
                } else if too_long(&o.text) || too_long(&o.feedback) {
                    add(
                        format!("options.{i}.text"),
                        "Keep options and their feedback under 10,000 characters.",
                    );
                }
            }
            if options.iter().any(|o| o.credit.is_some_and(bad_credit)) {
                add(
                    "options".into(),
                    "An option's credit is a share of the points from -100% to 100%.",
                );
            }
            let correct = options.iter().filter(|o| o.correct).count();
            match &question.body {
                // Moodle allows several full-credit options in a one-answer question.
                QuestionBody::SingleChoice { .. } if correct == 0 => {
                    add("options".into(), "Mark one option as correct.")
                }
                QuestionBody::MultipleChoice { .. } if correct == 0 => {
                    add("options".into(), "Mark at least one option as correct.")
                }
                _ => {}
            }
        }
        QuestionBody::TrueFalse {
            feedback_true,
            feedback_false,
            ..
        } => {
            if too_long(feedback_true) || too_long(feedback_false) {
                add(
                    "feedback".into(),
                    "Keep the feedback under 10,000 characters.",
                );
            }
        }
        QuestionBody::ShortText { accepted, .. } => {
            if !(1..=20).contains(&accepted.len())
                || accepted.iter().any(|a| a.text.trim().is_empty())
            {
                add(
                    "accepted".into(),
                    "Give between 1 and 20 accepted answers, none empty.",
                );
            } else if accepted.iter().any(|a| bad_credit(a.credit)) {
                add(
                    "accepted".into(),
                    "An answer's credit is a share of the points from -100% to 100%.",
                );
            } else if accepted.iter().all(|a| a.credit <= 0.0) {
                add(
                    "accepted".into(),
                    "Give at least one answer some credit, or no one can score.",
                );
            } else if accepted
                .iter()
                .any(|a| too_long(&a.text) || too_long(&a.feedback))
            {
                add(
                    "accepted".into(),
                    "Keep answers and their feedback under 10,000 characters.",
                );
            }
        }
        QuestionBody::Numeric {
            answers,
            unit,
            other_feedback,
            ..
        } => {
            if !(1..=10).contains(&answers.len()) {
                add("answers".into(), "Give between 1 and 10 accepted numbers.");
            }
            if answers.iter().any(|a| bad_credit(a.credit)) {
                add(
                    "answers".into(),
                    "A number's credit is a share of the points from -100% to 100%.",
                );
            } else if !answers.is_empty() && answers.iter().all(|a| a.credit <= 0.0) {
                add(
                    "answers".into(),
                    "Give at least one number some credit, or no one can score.",
                );
            }
            if answers.iter().any(|a| too_long(&a.feedback)) || too_long(other_feedback) {
                add(
                    "feedback".into(),
                    "Keep the feedback under 10,000 characters.",
                );
            }
            if answers
                .iter()
                .any(|a| !a.value.is_finite() || !a.tolerance.is_finite() || a.tolerance < 0.0)
            {
                add(
                    "answers".into(),
                    "Numbers must be finite and tolerances 0 or more.",
                );
            }
            if unit
                .as_deref()
                .is_some_and(|u| u.trim().is_empty() || u.chars().count() > 20)
            {
                add(
                    "unit".into(),
                    "A unit has 1 to 20 characters (or leave it out).",
                );
            }
        }
        QuestionBody::Ordering { items } => {
            if !(2..=20).contains(&items.len()) || items.iter().any(|i| i.trim().is_empty()) {
                add("items".into(), "Give between 2 and 20 items, none empty.");
            }
        }
        QuestionBody::Matching { pairs } => {
            let prompted = pairs.iter().filter(|p| !p.is_distractor()).count();
            if !(2..=20).contains(&pairs.len())
                || prompted < 2
                || pairs.iter().any(|p| p.answer.trim().is_empty())
            {
                add(
                    "pairs".into(),
                    "Give between 2 and 20 pairs, each with an answer and at least two with a \
                     prompt (an answer without a prompt is a distractor).",
                );
            }
            let mut prompts: Vec<&str> = pairs
                .iter()
                .filter(|p| !p.is_distractor())
                .map(|p| p.prompt.trim())
                .collect();
            prompts.sort_unstable();
            if prompts.windows(2).any(|w| w[0] == w[1]) {
                add("pairs".into(), "Each prompt may appear only once.");
            }
        }
        QuestionBody::FillBlanks { text, .. } => {
            let pieces = pieces(text);
            let blanks: Vec<&Vec<String>> = pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Blank(b) => Some(b),
                    Piece::Text(_) => None,
                })
                .collect();
            if blanks.is_empty() {
                add(
                    "text".into(),
                    "Mark at least one blank like [[answer]] or [[answer|other answer]].",
                );
            } else if blanks.iter().any(|b| b.iter().any(|a| a.is_empty())) {
                add(
                    "text".into(),
                    "A blank has an empty answer: write it or remove the extra |.",
                );
            } else if too_long(text) {
                add("text".into(), "Keep the text under 10,000 characters.");
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}
