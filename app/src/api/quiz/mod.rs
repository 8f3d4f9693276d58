//! Quizzes and assessment. Question banks, quiz settings, gradebook and statistics are for the
//! course's instructors and admins; attempts are for signed-in learners who may open the quiz
//! lesson, and only ever their own. Grading happens in `services::quiz`, never in the browser
//! (practice quizzes aside, which carry no marks).

mod check_answer;
mod delete_question;
mod export_gradebook;
mod export_questions;
mod get_attempt;
mod get_attempt_result;
mod get_gradebook;
mod get_practice_quiz;
mod get_question;
mod get_quiz;
mod get_quiz_editor;
mod get_quiz_stats;
mod import_questions;
mod list_questions;
mod preview_import;
mod save_answer;
mod save_question;
mod save_quiz;
mod start_attempt;
mod submit_attempt;

pub use check_answer::*;
pub use delete_question::*;
pub use export_gradebook::*;
pub use export_questions::*;
pub use get_attempt::*;
pub use get_attempt_result::*;
pub use get_gradebook::*;
pub use get_practice_quiz::*;
pub use get_question::*;
pub use get_quiz::*;
pub use get_quiz_editor::*;
pub use get_quiz_stats::*;
pub use import_questions::*;
pub use list_questions::*;
pub use preview_import::*;
pub use save_answer::*;
pub use save_question::*;
pub use save_quiz::*;
pub use start_attempt::*;
pub use submit_attempt::*;
