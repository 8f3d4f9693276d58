//! Points, daily streaks and leaderboards.
//!
//! The rules, here and nowhere else:
//! - [`LESSON_POINTS`] for each lesson completed (a graded quiz's lesson completes when passed);
//! - [`QUIZ_POINTS`] more for each quiz passed, the first time only.
//!
//! Points are a ledger (`points`), one row per learner and source, filled from the stored state
//! (completions, passed attempts) rather than from the event that triggered the check: replayed
//! or reordered events add nothing, and points are never taken away. Their time is the server's:
//! when it recorded the completion, or the first pass's submission, never a device's clock. A
//! week is the ISO week in UTC.

pub mod board;
pub mod standing;
pub mod streak;

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};

use crate::error::AppError;
use crate::server::entities::{lesson_progress, points_entry, quiz_attempt};

pub use crate::models::{LESSON_POINTS, QUIZ_POINTS};

/// Adds to the ledger the points `user_id` has earned in `course_id` and does not hold yet;
/// returns how many rows were new. Safe to call any number of times, in any order.
pub async fn sync(
    db: &impl ConnectionTrait,
    user_id: i64,
    course_id: i64,
) -> Result<u64, AppError> {
    let held: HashSet<String> = points_entry::Entity::find()
        .select_only()
        .column(points_entry::Column::Source)
        .filter(points_entry::Column::UserId.eq(user_id))
        .filter(points_entry::Column::CourseId.eq(course_id))
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut due: Vec<(String, i32, DateTime<Utc>)> = Vec::new();
    let lessons: Vec<i64> = lesson_progress::Entity::find()
        .select_only()
        .column(lesson_progress::Column::LessonId)
        .filter(lesson_progress::Column::UserId.eq(user_id))
        .filter(lesson_progress::Column::CourseId.eq(course_id))
        .filter(lesson_progress::Column::CompletedAt.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    // A lesson's `completed_at` is the learner's device time: the points take the server's
    // time of learning about it (this runs in the request that records the completion).
    let now = Utc::now();
    for lesson_id in lessons {
        due.push((format!("lesson:{lesson_id}"), LESSON_POINTS, now));
    }
    let passes: Vec<(i64, Option<DateTime<Utc>>)> = quiz_attempt::Entity::find()
        .select_only()
        .column(quiz_attempt::Column::LessonId)
        .column_as(
            sea_orm::sea_query::ExprTrait::min(Expr::col(quiz_attempt::Column::SubmittedAt)),
            "first",
        )
        .filter(quiz_attempt::Column::UserId.eq(user_id))
        .filter(quiz_attempt::Column::CourseId.eq(course_id))
        .filter(quiz_attempt::Column::Passed.eq(true))
        .filter(quiz_attempt::Column::SubmittedAt.is_not_null())
        .group_by(quiz_attempt::Column::LessonId)
        .into_tuple()
        .all(db)
        .await?;
    for (lesson_id, at) in passes {
        if let Some(at) = at {
            due.push((format!("quiz:{lesson_id}"), QUIZ_POINTS, at));
        }
    }
    let mut added = 0;
    for (source, amount, earned_at) in due.into_iter().filter(|d| !held.contains(&d.0)) {
        let inserted = points_entry::Entity::insert(points_entry::ActiveModel {
            user_id: Set(user_id),
            course_id: Set(course_id),
            source: Set(source),
            amount: Set(amount),
            earned_at: Set(earned_at),
            ..Default::default()
        })
        .on_conflict_do_nothing_on([points_entry::Column::UserId, points_entry::Column::Source])
        .exec_without_returning(db)
        .await?;
        if matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0) {
            added += 1;
        }
    }
    Ok(added)
}

/// The start (Monday 00:00 UTC) of the ISO week holding `now`.
pub fn week_start(now: DateTime<Utc>) -> DateTime<Utc> {
    let days = i64::from(now.weekday().num_days_from_monday());
    (now - Duration::days(days))
        .date_naive()
        .and_time(NaiveTime::MIN)
        .and_utc()
}

/// The ISO week holding `now`, as `2026-W48`.
pub fn week_label(now: DateTime<Utc>) -> String {
    let week = now.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, mi, s)
            .single()
            .expect("a valid time")
    }

    #[test]
    fn weeks_start_on_monday_at_midnight_utc() {
        let sunday_night = at(2026, 11, 29, 23, 59, 59);
        assert_eq!(week_start(sunday_night), at(2026, 11, 23, 0, 0, 0));
        let monday = at(2026, 11, 30, 0, 0, 0);
        assert_eq!(week_start(monday), monday);
        assert_eq!(week_label(sunday_night), "2026-W48");
        assert_eq!(week_label(monday), "2026-W49");
        // ISO years: 1 Jan 2027 (a Friday) is still in 2026's last week.
        let new_year = at(2027, 1, 1, 12, 0, 0);
        assert_eq!(week_label(new_year), "2026-W53");
    }
}
