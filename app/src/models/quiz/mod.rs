//! Quizzes and assessment: question banks, quiz settings, attempts, results and the gradebook.
//!
//! Trust rule: nothing a learner receives before the quiz's feedback rule allows holds a
//! correct answer or feedback; learners get [`PresentedQuestion`]s, and [`QuestionFeedback`]
//! only once allowed. The full [`Question`] reaches learners only in a [`PracticeQuiz`].

mod attempts;
mod bank;
mod grades;
mod settings;

pub use attempts::*;
pub use bank::*;
pub use grades::*;
pub use settings::*;
