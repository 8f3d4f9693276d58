//! Instructors' quiz settings and items, and the quiz editor.

use serde::{Deserialize, Serialize};

use super::{QuestionSummary, TagCount};

/// Which attempt's score counts in the gradebook and for passing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeptAttempt {
    Highest,
    Last,
    Average,
}

/// When learners see correct answers and feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackTiming {
    /// Per question during the attempt: checking an answer locks it and shows its feedback.
    Immediately,
    /// With the results, once the attempt is submitted.
    AfterSubmit,
    /// Only after the quiz closes (`closes_at`); until then, only the score.
    AfterClose,
}

/// A quiz's rules. Safe to show learners (it holds no answers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizSettings {
    /// Percentage (0..=100) of the kept score needed to pass.
    pub pass_percent: u8,
    /// `None` for unlimited; otherwise 1 or more.
    pub max_attempts: Option<u32>,
    pub kept: KeptAttempt,
    /// `None` for no limit; otherwise 10 seconds or more.
    pub time_limit_seconds: Option<u32>,
    pub feedback: FeedbackTiming,
    pub shuffle_questions: bool,
    pub shuffle_options: bool,
    /// One question per page with a navigator, instead of all on one page.
    pub one_per_page: bool,
    /// RFC 3339; before it no attempt may start.
    pub opens_at: Option<String>,
    /// RFC 3339; after it no attempt may start and open attempts end.
    pub closes_at: Option<String>,
    /// A practice quiz grades in the browser and is not in the gradebook.
    pub practice: bool,
    /// Network grace period, 0..=120 seconds: after a timed attempt's deadline, answers the
    /// browser saved before it (while the network was down) are still accepted this long.
    /// The only relaxation of the deadline; 0 (the default) has none.
    #[serde(default)]
    pub grace_seconds: u32,
}

/// The longest network grace period a quiz may give, in seconds.
pub const MAX_GRACE_SECONDS: u32 = 120;

impl Default for QuizSettings {
    fn default() -> Self {
        QuizSettings {
            pass_percent: 70,
            max_attempts: None,
            kept: KeptAttempt::Highest,
            time_limit_seconds: None,
            feedback: FeedbackTiming::AfterSubmit,
            shuffle_questions: false,
            shuffle_options: true,
            one_per_page: false,
            opens_at: None,
            closes_at: None,
            practice: false,
            grace_seconds: 0,
        }
    }
}

/// One item of a quiz: a fixed question, or `count` questions drawn at random (per attempt)
/// from the bank's questions carrying all of `tags` and not already fixed in the quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuizItem {
    Question { question_id: i64 },
    Draw { tags: Vec<String>, count: u32 },
}

/// A quiz lesson opened in the quiz editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizEditor {
    pub lesson_id: i64,
    pub course_id: i64,
    pub lesson_title: String,
    pub settings: QuizSettings,
    pub items: Vec<QuizItem>,
    /// The whole bank of the course, to pick fixed questions from.
    pub bank: Vec<QuestionSummary>,
    pub tags: Vec<TagCount>,
    /// Whether any learner has started an attempt (the editor warns that edits apply to new
    /// attempts only).
    pub has_attempts: bool,
}
