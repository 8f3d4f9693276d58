//! The quiz engine's pure core, shared by the server and the browser (WASM): the question
//! model, grading, how a question is presented to a learner, and validation.
//! Graded quizzes are graded on the server only; practice quizzes run the same code in WASM.

pub mod blanks;
mod grade;
mod present;
mod question;
mod validate;

#[cfg(test)]
mod grade_tests;
#[cfg(test)]
mod present_tests;

pub use grade::{grade, parse_number};
pub use present::{describe_response, excerpt, feedback, present, presentation};
pub use question::{
    ChoiceOption, Grade, MatchPair, NumericAnswer, Presentation, Question, QuestionBody,
    QuestionKind, Response,
};
pub use validate::{validate, MAX_TEXT};
