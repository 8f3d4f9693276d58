//! The gradebook and per-question statistics.

use serde::{Deserialize, Serialize};

use crate::quiz::QuestionKind;

/// Learners × graded quizzes of a course, one page of learners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Gradebook {
    pub course_id: i64,
    pub course_title: String,
    pub quizzes: Vec<GradebookQuiz>,
    pub rows: Vec<GradebookRow>,
    /// Enrolled learners (all pages).
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
}

/// A column of the gradebook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GradebookQuiz {
    pub lesson_id: i64,
    pub title: String,
    pub pass_percent: u8,
}

/// A learner's row: one cell per quiz, `None` when never attempted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GradebookRow {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub cells: Vec<Option<GradeCell>>,
}

/// A learner's standing in one quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GradeCell {
    /// The kept score, `None` while the only attempt is in progress.
    pub percent: Option<f64>,
    pub passed: bool,
    /// Attempts started.
    pub attempts: u32,
    /// The attempt to drill into (the latest submitted, else the one in progress).
    pub attempt_id: i64,
}

/// Per-question statistics of a quiz over all submitted attempts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizStats {
    pub lesson_id: i64,
    pub title: String,
    pub attempts: u32,
    pub mean_percent: Option<f64>,
    pub questions: Vec<QuestionStat>,
}

/// How one bank question fared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionStat {
    pub question_id: i64,
    pub kind: QuestionKind,
    pub title: String,
    /// Attempts in which it was asked.
    pub asked: u32,
    /// Mean score / max, 0..=1 (the facility index); `None` if never asked.
    pub facility: Option<f64>,
    /// Up to 3 most common wrong answers, described, with counts.
    pub common_wrong: Vec<WrongAnswer>,
}

/// A wrong answer and how often it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrongAnswer {
    pub answer: String,
    pub count: u32,
}
