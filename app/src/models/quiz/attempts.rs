//! Learners' quizzes: presented questions, attempts, feedback, results and practice.

use serde::{Deserialize, Serialize};

use super::QuizSettings;
use crate::quiz::{Question, QuestionKind, Response};

/// A question as a learner sees it during an attempt: no answers, no feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PresentedQuestion {
    pub kind: QuestionKind,
    /// Sanitized HTML.
    pub stem_html: String,
    pub points: f64,
    /// Choice options / ordering items / matching answers, in display order. `id` is the
    /// display position that responses name. Sanitized HTML (choices) or escaped text.
    pub choices: Vec<PresentedChoice>,
    /// Matching prompts, in authored order (escaped text).
    pub prompts: Vec<String>,
    /// Fill-in-the-blanks: the text around the blanks (plain text); `n` parts mean `n - 1`
    /// blanks.
    pub blank_parts: Vec<String>,
    /// The unit a numeric answer may carry.
    pub unit: Option<String>,
}

/// One option, item or answer as presented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresentedChoice {
    pub id: u32,
    pub html: String,
}

/// The verdict on one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Correct,
    Partial,
    Incorrect,
    Unanswered,
}

/// Feedback on one answered question, once the quiz's rule allows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionFeedback {
    pub score: f64,
    pub max: f64,
    pub verdict: Verdict,
    /// Sanitized HTML: feedback of the picked options (or true/false), then general feedback.
    pub feedback_html: Vec<String>,
    /// The correct answer, one entry per part, described for people (sanitized HTML): each
    /// right option or accepted answer, each item in order, each prompt with its match, each
    /// blank's answer. Shown as a list.
    pub correct_answers_html: Vec<String>,
    /// Whether `correct_answers_html` is a sequence (an ordering question's items in order).
    #[serde(default)]
    pub correct_in_order: bool,
    /// For choice and true/false questions, whether each option as shown (display order; for
    /// true/false, "True" then "False") is a right one; empty for the other kinds.
    #[serde(default)]
    pub option_right: Vec<bool>,
}

/// A learner's quiz lesson: the rules, their attempts, and whether they may start one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizOverview {
    pub lesson_id: i64,
    pub title: String,
    pub settings: QuizSettings,
    /// How many questions an attempt has.
    pub question_count: u32,
    pub attempts: Vec<AttemptSummary>,
    /// The kept score (percent) under the quiz's rule, once an attempt is submitted.
    pub kept_percent: Option<f64>,
    pub passed: bool,
    /// The attempt in progress, to resume.
    pub in_progress: Option<i64>,
    /// Whether a new attempt may start now.
    pub can_start: bool,
    /// Why not, when `can_start` is false and nothing is in progress.
    pub blocked_reason: Option<String>,
}

/// One attempt in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptSummary {
    pub id: i64,
    /// 1-based, per learner and quiz.
    pub number: u32,
    /// RFC 3339.
    pub started_at: String,
    /// RFC 3339; `None` while in progress.
    pub submitted_at: Option<String>,
    pub percent: Option<f64>,
    pub passed: Option<bool>,
    /// Submitted by the server when its time ran out.
    pub auto_submitted: bool,
}

/// An attempt in progress, as the learner's player shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptView {
    pub id: i64,
    pub lesson_id: i64,
    pub number: u32,
    pub quiz_title: String,
    pub questions: Vec<AttemptQuestion>,
    /// RFC 3339, when timed (the earlier of the time limit and the quiz's close).
    pub deadline: Option<String>,
    /// Seconds left by the server's clock when this was built.
    pub seconds_left: Option<i64>,
    pub one_per_page: bool,
    /// Whether answers may be checked one by one (`FeedbackTiming::Immediately`).
    pub check_each: bool,
}

/// A question of an attempt with what the learner has saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptQuestion {
    /// 0-based position in the attempt.
    pub position: u32,
    pub question: PresentedQuestion,
    pub response: Option<Response>,
    /// Present only once checked under `FeedbackTiming::Immediately` (the answer is then
    /// locked).
    pub feedback: Option<QuestionFeedback>,
}

/// What a learner is told when an answer arrives in the grace period after the deadline but
/// was saved in the browser after the deadline (a `Conflict`).
pub const SAVED_LATE: &str =
    "Time is up: this answer was saved after the deadline, so it was not kept.";

/// The server's acknowledgement of a saved answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveAck {
    pub position: u32,
    /// RFC 3339.
    pub saved_at: String,
    pub seconds_left: Option<i64>,
}

/// A submitted attempt's results (for the learner, or an instructor drilling in).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptResult {
    pub id: i64,
    pub lesson_id: i64,
    pub quiz_title: String,
    pub learner_name: String,
    pub number: u32,
    pub score: f64,
    pub max: f64,
    pub percent: f64,
    pub passed: bool,
    pub auto_submitted: bool,
    /// RFC 3339.
    pub submitted_at: String,
    /// Whether per-question feedback is included (the quiz's rule, or an instructor asking).
    pub feedback_shown: bool,
    /// When feedback becomes available, if later (RFC 3339).
    pub feedback_from: Option<String>,
    /// Each question with the learner's answer; `feedback` only when `feedback_shown`.
    pub questions: Vec<AttemptQuestion>,
    /// For the attempt's owner: whether "Try again" may start (or resume) an attempt now.
    #[serde(default)]
    pub can_retry: bool,
    /// For the owner, when they may not try again: why (no attempts left, the quiz closed).
    #[serde(default)]
    pub retry_blocked: Option<String>,
}

/// A practice quiz: the questions with their answers, graded in the browser with the same
/// code the server uses. Never returned for graded quizzes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeQuiz {
    pub lesson_id: i64,
    pub title: String,
    pub questions: Vec<PracticeQuestion>,
}

/// One practice question: how it is shown, and what grades it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeQuestion {
    pub presented: PresentedQuestion,
    /// With its feedback and option texts rendered to sanitized HTML ([`crate::quiz::rendered`]).
    pub question: Question,
    pub presentation: crate::quiz::Presentation,
}
