//! The quiz engine's pure core, shared by the server and the browser (WASM): the question
//! model, grading, how a question is presented to a learner, and GIFT/CSV import and export.
//! Graded quizzes are graded on the server only; practice quizzes run the same code in WASM.

mod question;

pub use question::{
    ChoiceOption, Grade, MatchPair, NumericAnswer, Presentation, Question, QuestionBody,
    QuestionKind, Response,
};
