//! Taking a quiz, step by step: the overview and starting ([`start`]), the attempt page with
//! saving and checking answers ([`answer`]), grading and submitting, also of overdue attempts
//! ([`finish`]), and practice quizzes graded in the browser ([`practice`]). Everything here
//! runs on the server's clock.
//!
//! Dependencies run one way: these steps use [`super::results`] and [`super::snapshots`],
//! which never use them.

mod answer;
mod draw;
mod finish;
mod practice;
mod start;

pub use answer::{check, save_answer, view};
pub use finish::{finalize_overdue, submit, TIME_UP};
pub use practice::practice;
pub use start::{overview, start};

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use super::{quiz_lesson, quiz_of};
use crate::error::AppError;
use crate::server::entities::{course, lesson, quiz, quiz_attempt, user};
use crate::server::services::learning::can_open_lesson;

/// `user`'s attempts at `quiz`, oldest first.
async fn attempts_of(
    db: &impl ConnectionTrait,
    user_id: i64,
    quiz_id: i64,
) -> Result<Vec<quiz_attempt::Model>, AppError> {
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::QuizId.eq(quiz_id))
        .filter(quiz_attempt::Column::UserId.eq(user_id))
        .order_by_asc(quiz_attempt::Column::Number)
        .all(db)
        .await?)
}

/// Whether `attempt` is still open at `now` only because nobody closed it: its deadline and
/// its network grace period after it are over.
fn overdue(attempt: &quiz_attempt::Model, now: DateTime<Utc>) -> bool {
    attempt.submitted_at.is_none() && closes_at(attempt).is_some_and(|c| now >= c)
}

/// When a timed attempt closes: its deadline plus its network grace period.
fn closes_at(attempt: &quiz_attempt::Model) -> Option<DateTime<Utc>> {
    let grace = chrono::Duration::seconds(i64::from(attempt.grace_seconds.max(0)));
    attempt.deadline_at.map(|d| d + grace)
}

/// When an answer arriving at `now` was saved in the browser, on the server's clock: `now`
/// less the age the browser reports for it (`saved_ms_ago`, measured on the browser's own
/// clock, so its offset from ours does not matter). The report is believed for at most the
/// attempt's grace period: that is all a browser can gain by lying.
fn saved_time(
    attempt: &quiz_attempt::Model,
    now: DateTime<Utc>,
    saved_ms_ago: Option<u32>,
) -> DateTime<Utc> {
    let most = i64::from(attempt.grace_seconds.max(0)) * 1000;
    let age = i64::from(saved_ms_ago.unwrap_or(0)).min(most);
    now - chrono::Duration::milliseconds(age)
}

/// The quiz lesson `lesson_id` if `user` may open it.
async fn open_quiz(
    db: &DatabaseConnection,
    user: &user::Model,
    lesson_id: i64,
) -> Result<(course::Model, lesson::Model, quiz::Model), AppError> {
    let (course, lesson) = quiz_lesson(db, lesson_id).await?;
    can_open_lesson(db, Some(user), &course, &lesson).await?;
    let quiz = quiz_of(db, &lesson).await?;
    Ok((course, lesson, quiz))
}

/// `user`'s own attempt `attempt_id`; `NotFound` for anyone else's.
async fn own_attempt(
    db: &impl ConnectionTrait,
    user: &user::Model,
    attempt_id: i64,
) -> Result<quiz_attempt::Model, AppError> {
    quiz_attempt::Entity::find_by_id(attempt_id)
        .one(db)
        .await?
        .filter(|a| a.user_id == user.id)
        .ok_or(AppError::NotFound)
}

/// `user`'s attempt `attempt_id` if it is still in progress: an overdue one is submitted
/// first and answers `Conflict(TIME_UP)`; a submitted one answers `Conflict`.
async fn open_attempt(
    db: &DatabaseConnection,
    user: &user::Model,
    attempt_id: i64,
    now: DateTime<Utc>,
) -> Result<quiz_attempt::Model, AppError> {
    let attempt = own_attempt(db, user, attempt_id).await?;
    if attempt.submitted_at.is_some() {
        return Err(AppError::Conflict(
            "This attempt has been submitted.".into(),
        ));
    }
    if overdue(&attempt, now) {
        finish::finalize(db, &attempt, true, now).await?;
        return Err(AppError::Conflict(TIME_UP.into()));
    }
    Ok(attempt)
}
