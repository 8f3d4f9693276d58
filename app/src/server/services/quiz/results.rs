//! A submitted attempt's results, with feedback as the quiz's rule allows.

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::limits::start_blocked;
use super::snapshots::{attempt_question, questions_of};
use super::{parse_time, rules};
use crate::error::AppError;
use crate::models::{AttemptResult, FeedbackTiming, QuizItem, QuizSettings};
use crate::server::entities::{course, lesson, quiz, quiz_attempt, user};
use crate::server::services::authoring::may_edit;
use crate::server::services::learning::rfc3339;

/// Whether the learner may see feedback now, and if not, from when (if ever).
fn learner_feedback(settings: &QuizSettings) -> (bool, Option<String>) {
    match settings.feedback {
        FeedbackTiming::Immediately | FeedbackTiming::AfterSubmit => (true, None),
        FeedbackTiming::AfterClose => match parse_time(settings.closes_at.as_ref()) {
            Some(closes) if Utc::now() >= closes => (true, None),
            Some(closes) => (false, Some(rfc3339(closes))),
            // No close date: the quiz never closes, so feedback never shows to learners.
            None => (false, None),
        },
    }
}

/// Attempt `attempt_id`'s results: for its owner once submitted (feedback per the quiz's
/// rule), or for the course's instructor and admins (always with feedback). `NotFound` for
/// anyone else.
pub async fn result(
    db: &impl ConnectionTrait,
    viewer: &user::Model,
    attempt_id: i64,
) -> Result<AttemptResult, AppError> {
    let attempt = quiz_attempt::Entity::find_by_id(attempt_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let course = course::Entity::find_by_id(attempt.course_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let quiz = quiz::Entity::find_by_id(attempt.quiz_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (settings, items) = rules(&quiz)?;
    let editor = may_edit(viewer, &course);
    let (shown, from) = if editor {
        (true, None)
    } else if attempt.user_id == viewer.id {
        learner_feedback(&settings)
    } else {
        return Err(AppError::NotFound);
    };
    let Some(submitted_at) = attempt.submitted_at else {
        return Err(AppError::Conflict(
            "This attempt is still in progress.".into(),
        ));
    };
    let lesson = lesson::Entity::find_by_id(attempt.lesson_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let learner = user::Entity::find_by_id(attempt.user_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let (can_retry, retry_blocked) = if attempt.user_id == viewer.id {
        retry(db, &attempt, &settings, &items).await?
    } else {
        (false, None)
    };
    let mut questions = Vec::new();
    for row in questions_of(db, attempt.id).await? {
        questions.push(attempt_question(&row, shown)?);
    }
    Ok(AttemptResult {
        id: attempt.id,
        lesson_id: attempt.lesson_id,
        quiz_title: lesson.title,
        learner_name: learner.display_name,
        number: attempt.number as u32,
        score: attempt.score.unwrap_or(0.0),
        max: attempt.max_score,
        percent: attempt.percent.unwrap_or(0.0),
        passed: attempt.passed.unwrap_or(false),
        auto_submitted: attempt.auto_submitted,
        submitted_at: rfc3339(submitted_at),
        feedback_shown: shown,
        feedback_from: from,
        questions,
        can_retry,
        retry_blocked,
    })
}

/// Whether the owner of `attempt` may start (or resume) another attempt now, and if not, why.
async fn retry(
    db: &impl ConnectionTrait,
    attempt: &quiz_attempt::Model,
    settings: &QuizSettings,
    items: &[QuizItem],
) -> Result<(bool, Option<String>), AppError> {
    let attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::QuizId.eq(attempt.quiz_id))
        .filter(quiz_attempt::Column::UserId.eq(attempt.user_id))
        .all(db)
        .await?;
    if attempts.iter().any(|a| a.submitted_at.is_none()) {
        return Ok((true, None));
    }
    Ok(
        match start_blocked(settings, items, attempts.len(), Utc::now()) {
            None => (true, None),
            Some(reason) => (false, Some(reason)),
        },
    )
}
