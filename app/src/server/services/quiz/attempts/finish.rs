//! Grading and closing attempts: submitting, and submitting overdue attempts at their deadline;
//! a passing kept result completes the quiz lesson.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
    TryInsertResult,
};

use super::super::snapshots::questions_of;
use super::super::{from_json, kept_percent, passes, results, rules, to_json};
use super::{attempts_of, overdue, own_attempt};
use crate::error::AppError;
use crate::models::{AttemptResult, CourseProgress, QuizSettings};
use crate::quiz::{grade, untouched_response, Presentation, Question, Response};
use crate::server::entities::{
    attempt_question, course, lesson_progress, quiz, quiz_attempt, user,
};
use crate::server::services::badges;
use crate::server::services::learning::{course_progress, enrolling::mark_completed_if_done};

/// What a learner is told when their time ran out.
pub const TIME_UP: &str =
    "Time is up: your attempt was submitted with the answers saved before the deadline.";

/// Grades and closes `attempt` (if nobody did first) with what was saved; `auto` when the
/// server does it because the deadline passed. Returns the attempt as stored afterwards.
pub(crate) async fn finalize(
    db: &DatabaseConnection,
    attempt: &quiz_attempt::Model,
    auto: bool,
    now: DateTime<Utc>,
) -> Result<quiz_attempt::Model, AppError> {
    let quiz = quiz::Entity::find_by_id(attempt.quiz_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (settings, _) = rules(&quiz)?;
    // An attempt ends at its deadline at the latest, whenever the server noticed (after the
    // grace period) or the learner submitted (within it).
    let submitted_at = attempt.deadline_at.unwrap_or(now).min(now);
    let txn = db.begin().await?;
    // Claim the attempt first: this takes the lock that answer writes wait for, so no answer
    // can be saved between reading the answers and recording the grade.
    let claimed = quiz_attempt::Entity::update_many()
        .col_expr(
            quiz_attempt::Column::SubmittedAt,
            sea_orm::sea_query::Expr::value(Some(submitted_at)),
        )
        .filter(quiz_attempt::Column::Id.eq(attempt.id))
        .filter(quiz_attempt::Column::SubmittedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        txn.rollback().await?;
        return quiz_attempt::Entity::find_by_id(attempt.id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound);
    }
    let rows = questions_of(&txn, attempt.id).await?;
    let (mut score, mut max) = (0.0, 0.0);
    for row in &rows {
        let question: Question = from_json(&row.question)?;
        let layout: Presentation = from_json(&row.presentation)?;
        let saved: Option<Response> = row.response.as_deref().map(from_json).transpose()?;
        // An ordering left as shown is answered with the order shown: that is what the
        // learner submits. It is stored, so the result shows it as their answer.
        let untouched = saved
            .is_none()
            .then(|| untouched_response(&question))
            .flatten();
        let response = saved.or(untouched.clone());
        let graded = grade(&question, &layout, response.as_ref());
        score += graded.score;
        max += graded.max;
        let mut update = attempt_question::Entity::update_many()
            .col_expr(
                attempt_question::Column::Score,
                sea_orm::sea_query::Expr::value(graded.score),
            )
            .filter(attempt_question::Column::Id.eq(row.id));
        if let Some(shown) = &untouched {
            update = update.col_expr(
                attempt_question::Column::Response,
                sea_orm::sea_query::Expr::value(Some(to_json(shown)?)),
            );
        }
        update.exec(&txn).await?;
    }
    let percent = if max > 0.0 {
        (score / max * 1000.0).round() / 10.0
    } else {
        0.0
    };
    quiz_attempt::Entity::update_many()
        .set(quiz_attempt::ActiveModel {
            auto_submitted: Set(auto),
            score: Set(Some(score)),
            max_score: Set(max),
            percent: Set(Some(percent)),
            passed: Set(Some(passes(percent, &settings))),
            ..Default::default()
        })
        .filter(quiz_attempt::Column::Id.eq(attempt.id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    quiz_attempt::Entity::find_by_id(attempt.id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Marks the quiz lesson completed for the learner once their kept result passes; returns
/// their new course progress when it changed.
async fn complete_if_passed(
    db: &DatabaseConnection,
    attempt: &quiz_attempt::Model,
    settings: &QuizSettings,
) -> Result<Option<CourseProgress>, AppError> {
    let percents: Vec<f64> = attempts_of(db, attempt.user_id, attempt.quiz_id)
        .await?
        .iter()
        .filter_map(|a| a.percent)
        .collect();
    let passed = kept_percent(settings.kept, &percents).is_some_and(|k| passes(k, settings));
    if !passed {
        return Ok(None);
    }
    let now = Utc::now();
    // Insert-or-nothing, then complete-if-not-yet: a progress event or another submission
    // writing the same row at the same moment can neither fail this nor be overwritten.
    let inserted = lesson_progress::Entity::insert(lesson_progress::ActiveModel {
        user_id: Set(attempt.user_id),
        lesson_id: Set(attempt.lesson_id),
        course_id: Set(attempt.course_id),
        started_at: Set(attempt.started_at),
        position_seconds: Set(0.0),
        position_client_at: Set(None),
        position_event_id: Set(None),
        furthest_seconds: Set(0.0),
        duration_seconds: Set(None),
        completed_at: Set(Some(now)),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([
        lesson_progress::Column::UserId,
        lesson_progress::Column::LessonId,
    ])
    .exec_without_returning(db)
    .await?;
    let inserted = matches!(inserted, TryInsertResult::Inserted(n) if n > 0);
    let completed_now = inserted
        || lesson_progress::Entity::update_many()
            .col_expr(lesson_progress::Column::CompletedAt, Expr::value(now))
            .col_expr(lesson_progress::Column::UpdatedAt, Expr::value(now))
            .filter(lesson_progress::Column::UserId.eq(attempt.user_id))
            .filter(lesson_progress::Column::LessonId.eq(attempt.lesson_id))
            .filter(lesson_progress::Column::CompletedAt.is_null())
            .exec(db)
            .await?
            .rows_affected
            > 0;
    if !completed_now {
        return Ok(None);
    }
    mark_completed_if_done(db, attempt.user_id, attempt.course_id).await?;
    let course = course::Entity::find_by_id(attempt.course_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Some(course_progress(db, attempt.user_id, &course).await?))
}

/// Submits `user`'s attempt: grades it here and, on a pass, completes the lesson. Past its
/// deadline (also within its grace period) it is submitted as it was at the deadline
/// (auto-submitted: time was up). Submitting twice returns the same result.
pub async fn submit(
    db: &DatabaseConnection,
    user: &user::Model,
    attempt_id: i64,
) -> Result<(AttemptResult, Option<CourseProgress>), AppError> {
    let now = Utc::now();
    let attempt = own_attempt(db, user, attempt_id).await?;
    let done = if attempt.submitted_at.is_some() {
        attempt
    } else {
        let time_up = attempt.deadline_at.is_some_and(|d| now >= d);
        finalize(db, &attempt, time_up, now).await?
    };
    let quiz = quiz::Entity::find_by_id(done.quiz_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (settings, _) = rules(&quiz)?;
    let progress = complete_if_passed(db, &done, &settings).await?;
    // Points first: a streak badge reads the points ledger.
    crate::server::services::points::sync(db, done.user_id, done.course_id).await?;
    badges::award_due(db, done.user_id, done.course_id).await?;
    Ok((results::result(db, user, done.id).await?, progress))
}

/// Submits every attempt whose deadline and grace period have passed, as of `now`; returns
/// how many.
pub async fn finalize_overdue(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<u32, AppError> {
    // Past the deadline; those still in their grace period wait for a later sweep.
    let due = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::SubmittedAt.is_null())
        .filter(quiz_attempt::Column::DeadlineAt.lte(now))
        .order_by_asc(quiz_attempt::Column::Id)
        .all(db)
        .await?;
    let mut count = 0;
    for attempt in due.iter().filter(|a| overdue(a, now)) {
        // One attempt that cannot be closed must not keep the others open: log it and go on.
        match finalize_one(db, attempt, now).await {
            Ok(()) => count += 1,
            Err(error) => tracing::error!(
                attempt_id = attempt.id,
                %error,
                "could not submit an overdue attempt; the next sweep tries again"
            ),
        }
    }
    Ok(count)
}

/// Submits one overdue attempt and completes its lesson on a pass.
async fn finalize_one(
    db: &DatabaseConnection,
    attempt: &quiz_attempt::Model,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let done = finalize(db, attempt, true, now).await?;
    let quiz = quiz::Entity::find_by_id(done.quiz_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (settings, _) = rules(&quiz)?;
    complete_if_passed(db, &done, &settings).await?;
    // Points first: a streak badge reads the points ledger.
    crate::server::services::points::sync(db, done.user_id, done.course_id).await?;
    badges::award_due(db, done.user_id, done.course_id).await?;
    Ok(())
}
