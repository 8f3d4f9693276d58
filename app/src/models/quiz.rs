//! Quizzes and assessment: question banks, quiz settings, attempts, results and the gradebook.
//!
//! Trust rule: nothing a learner receives before the quiz's feedback rule allows holds a
//! correct answer or feedback; learners get [`PresentedQuestion`]s, and [`QuestionFeedback`]
//! only once allowed. The full [`Question`] reaches learners only in a [`PracticeQuiz`].

use serde::{Deserialize, Serialize};

use crate::quiz::{Question, QuestionKind, Response};

// ---------------------------------------------------------------- instructors: question bank

/// A row of a course's question bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionSummary {
    pub id: i64,
    pub kind: QuestionKind,
    /// The stem as plain text, cut to about 120 characters.
    pub title: String,
    pub tags: Vec<String>,
    pub points: f64,
    /// How many quizzes name this question as a fixed item.
    pub used_in: u32,
    /// RFC 3339.
    pub updated_at: String,
}

/// A page of a course's question bank, optionally filtered by a tag and a text search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionBank {
    pub course_id: i64,
    pub course_title: String,
    pub questions: Vec<QuestionSummary>,
    /// Every tag of the course's bank with its number of questions, by name.
    pub tags: Vec<TagCount>,
    /// Questions matching the filter (all pages).
    pub total: u64,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
}

/// A tag and how many questions carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    pub tag: String,
    pub count: u32,
}

/// A question to create (`id: None`) or update, with its tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionInput {
    pub course_id: i64,
    pub id: Option<i64>,
    /// Lower-cased and trimmed by the server; 1 to 40 characters each, at most 10.
    pub tags: Vec<String>,
    pub question: Question,
}

/// A question opened in the editor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionEditor {
    pub id: i64,
    pub course_id: i64,
    pub tags: Vec<String>,
    pub question: Question,
}

/// The outcome of an import. With any error nothing is imported (`imported` is 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub imported: u32,
    pub errors: Vec<LineError>,
}

/// A problem with one line (1-based) of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    pub line: u32,
    pub message: String,
}

// ---------------------------------------------------------------- instructors: quizzes

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
}

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

// ---------------------------------------------------------------- learners

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
    /// The correct answer, described for people (sanitized HTML).
    pub correct_answer_html: String,
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
    pub question: Question,
    pub presentation: crate::quiz::Presentation,
}

// ---------------------------------------------------------------- gradebook and statistics

/// Learners × graded quizzes of a course, one page of learners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub struct GradebookQuiz {
    pub lesson_id: i64,
    pub title: String,
    pub pass_percent: u8,
}

/// A learner's row: one cell per quiz, `None` when never attempted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradebookRow {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub cells: Vec<Option<GradeCell>>,
}

/// A learner's standing in one quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
