//! Shorthands shared by the grading tests.

use super::*;

/// A two-point question with `body`.
pub(super) fn q(body: QuestionBody) -> Question {
    Question {
        stem: "Q".into(),
        points: 2.0,
        general_feedback: String::new(),
        body,
    }
}

/// Everything shown in its stored order.
pub(super) fn none() -> Presentation {
    Presentation::default()
}

/// The score `r` earns on `question` shown as `p`.
pub(super) fn score(question: &Question, p: &Presentation, r: Response) -> f64 {
    grade(question, p, Some(&r)).score
}
