//! Instructor quiz pages: the question bank, the question editor, import, the quiz section of
//! the lesson editor, the gradebook, an attempt drilled into, and quiz statistics.

mod answer_parts;
mod attempt;
mod bank;
mod download;
mod gradebook;
mod import;
mod import_preview;
mod items;
mod question_answers;
mod question_draft;
mod question_editor;
mod question_forms;
mod question_rows;
mod quiz_section;
mod settings_form;
mod stats;

pub use attempt::TeachAttemptPage;
pub use bank::QuestionBankPage;
pub use gradebook::GradebookPage;
pub use import::ImportQuestionsPage;
pub use question_editor::{EditQuestionPage, NewQuestionPage};
pub use quiz_section::QuizSection;
pub use stats::QuizStatsPage;
