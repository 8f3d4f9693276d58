//! Badges: instructors define them per course (admins also site-wide) with a rule; the server
//! awards them when the rule becomes true; each award is an Open Badges 3.0 credential.
//!
//! Rules are checked against the learner's stored state (completions, passed attempts), never
//! against the event that triggered the check, so replayed or reordered events end in the same
//! awards; the unique (badge, learner) index makes the award itself happen once. Nothing but a
//! revocation takes an award back.

pub mod authoring;
pub mod award;
pub mod credential;
pub mod mine;
pub mod site;

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::models::{Rule, MAX_REVOKE_REASON};
use crate::server::entities::{badge, badge_award};
use crate::server::services::learning::rfc3339;

pub use award::{award_due, backfill};

/// The kind of job that awards a new badge to everyone who already meets its rule.
pub const BACKFILL_JOB: &str = "badge_backfill";

/// A badge as it was when awarded: what the credential says, whatever later edits do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub badge_id: i64,
    pub name: String,
    pub description: String,
    pub criteria: String,
    pub image: String,
    /// (id, title, slug) of the course, for a course badge.
    pub course: Option<(i64, String, String)>,
}

impl Snapshot {
    /// The snapshot stored in `award`; `None` if it cannot be read (never expected).
    pub fn of(award: &badge_award::Model) -> Option<Snapshot> {
        serde_json::from_str(&award.achievement).ok()
    }
}

pub use crate::models::badge_image_path as image_path;

/// A revocation's reason, trimmed, if it is 3 to [`MAX_REVOKE_REASON`] characters; else a field
/// error for `reason` saying that the learner and anyone checking the `what` will read it.
pub(crate) fn revoke_reason<'a>(reason: &'a str, what: &str) -> Result<&'a str, AppError> {
    let reason = reason.trim();
    if (3..=MAX_REVOKE_REASON).contains(&reason.chars().count()) {
        return Ok(reason);
    }
    Err(AppError::field(
        "reason",
        &format!(
            "Say why, in 3 to {MAX_REVOKE_REASON} characters: the learner and anyone checking \
             the {what} will read it."
        ),
    ))
}

/// "27 Nov 2026".
pub(crate) fn day(at: chrono::DateTime<chrono::Utc>) -> String {
    crate::format::utc_date_text(&rfc3339(at))
}

/// The rule of `badge` in words, with the quiz's title when it names one.
pub(crate) fn rule_text(badge: &badge::Model, quiz_title: Option<&str>) -> String {
    match Rule::from_key(&badge.rule) {
        Some(Rule::CourseCompleted) => "Completes the course".into(),
        Some(Rule::FirstLesson) => "Completes a first lesson".into(),
        Some(Rule::QuizPassed) => format!(
            "Passes \u{201c}{}\u{201d} with at least {}%",
            quiz_title.unwrap_or("a quiz"),
            badge.rule_threshold.unwrap_or(0)
        ),
        Some(Rule::AllQuizzesPassed) => "Passes every graded quiz".into(),
        Some(Rule::CoursesCompleted) => format!(
            "Completes {} course{}",
            badge.rule_threshold.unwrap_or(1),
            if badge.rule_threshold == Some(1) {
                ""
            } else {
                "s"
            }
        ),
        Some(Rule::StreakDays) => {
            format!("Keeps a {}-day streak", badge.rule_threshold.unwrap_or(1))
        }
        None => "Awarded by the instructor".into(),
    }
}
