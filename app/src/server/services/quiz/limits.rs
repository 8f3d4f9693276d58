//! When a learner may start another attempt: the quiz's questions, its open and close dates
//! and its attempt limit, all on the server's clock. Used to start attempts and to offer
//! "Try again" on a result.

use chrono::{DateTime, Utc};

use super::{parse_time, question_count};
use crate::models::{QuizItem, QuizSettings};

/// Why a new attempt may not start now, if so.
pub(crate) fn start_blocked(
    settings: &QuizSettings,
    items: &[QuizItem],
    used: usize,
    now: DateTime<Utc>,
) -> Option<String> {
    if question_count(items) == 0 {
        return Some("This quiz has no questions yet.".into());
    }
    if let Some(opens) = parse_time(settings.opens_at.as_ref()) {
        if now < opens {
            return Some(format!(
                "This quiz opens on {}.",
                opens.format("%-d %B %Y at %H:%M UTC")
            ));
        }
    }
    if let Some(closes) = parse_time(settings.closes_at.as_ref()) {
        if now >= closes {
            return Some(format!(
                "This quiz closed on {}.",
                closes.format("%-d %B %Y at %H:%M UTC")
            ));
        }
    }
    match settings.max_attempts {
        Some(max) if used >= max as usize => Some(format!(
            "You have used all {max} attempt{} at this quiz.",
            if max == 1 { "" } else { "s" }
        )),
        _ => None,
    }
}
