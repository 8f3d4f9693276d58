//! Quizzes: question banks, quiz settings, attempts, results, the gradebook and statistics.
//!
//! Access rule: banks, quiz settings, the gradebook and statistics belong to the course's
//! instructor and admins (`authoring::editable_*`). Learners take a quiz when they may open its
//! lesson (`learning::can_open_lesson`) and only ever see their own attempts.
//!
//! Trust rules: an attempt's questions, their snapshots and layout are fixed here when it
//! starts; answers are accepted only before its deadline (server clock); grading happens here
//! only; nothing sent to a learner holds an answer or feedback before the quiz's rule allows.

pub mod attempts;
pub mod bank;
pub mod gradebook;
pub mod import;
mod limits;
pub mod quizzes;
pub mod results;
pub mod snapshots;
pub mod stats;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{de::DeserializeOwned, Serialize};

use crate::error::AppError;
use crate::models::{KeptAttempt, QuizItem, QuizSettings};
use crate::server::entities::{course, lesson, quiz};

/// The lesson kind of quizzes.
pub const QUIZ_KIND: &str = "quiz";

/// JSON text for a column.
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|e| {
        tracing::error!(error = %e, "could not serialize quiz data");
        AppError::Internal
    })
}

/// A JSON column read back; a malformed one is an internal error (logged).
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(|e| {
        tracing::error!(error = %e, "malformed quiz data in the database");
        AppError::Internal
    })
}

/// An RFC 3339 setting as a time; `None` when unset or unreadable (validated on save).
pub(crate) fn parse_time(value: Option<&String>) -> Option<DateTime<Utc>> {
    value
        .and_then(|v| DateTime::parse_from_rfc3339(v).ok())
        .map(|t| t.with_timezone(&Utc))
}

/// The lesson `lesson_id` and its course, if it is a quiz lesson.
pub(crate) async fn quiz_lesson(
    db: &impl ConnectionTrait,
    lesson_id: i64,
) -> Result<(course::Model, lesson::Model), AppError> {
    let lesson = lesson::Entity::find_by_id(lesson_id)
        .one(db)
        .await?
        .filter(|l| l.kind == QUIZ_KIND)
        .ok_or(AppError::NotFound)?;
    let course = course::Entity::find_by_id(lesson.course_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((course, lesson))
}

/// The quiz of a quiz lesson, created with default settings the first time it is needed.
pub(crate) async fn quiz_of(
    db: &impl ConnectionTrait,
    lesson: &lesson::Model,
) -> Result<quiz::Model, AppError> {
    if let Some(found) = find_quiz(db, lesson.id).await? {
        return Ok(found);
    }
    quiz::Entity::insert(quiz::ActiveModel {
        lesson_id: Set(lesson.id),
        course_id: Set(lesson.course_id),
        settings: Set(to_json(&QuizSettings::default())?),
        items: Set(to_json(&Vec::<QuizItem>::new())?),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    // Two first visits at once: the unique lesson id keeps one row.
    .on_conflict_do_nothing_on([quiz::Column::LessonId])
    .exec_without_returning(db)
    .await?;
    find_quiz(db, lesson.id).await?.ok_or(AppError::Internal)
}

async fn find_quiz(
    db: &impl ConnectionTrait,
    lesson_id: i64,
) -> Result<Option<quiz::Model>, AppError> {
    Ok(quiz::Entity::find()
        .filter(quiz::Column::LessonId.eq(lesson_id))
        .one(db)
        .await?)
}

/// Whether `lesson` is a graded (not practice) quiz: one only its pass completes.
pub async fn is_graded_quiz(
    db: &impl ConnectionTrait,
    lesson: &lesson::Model,
) -> Result<bool, AppError> {
    if lesson.kind != QUIZ_KIND {
        return Ok(false);
    }
    match find_quiz(db, lesson.id).await? {
        Some(quiz) => Ok(!rules(&quiz)?.0.practice),
        None => Ok(!QuizSettings::default().practice),
    }
}

/// A quiz's settings and items.
pub(crate) fn rules(quiz: &quiz::Model) -> Result<(QuizSettings, Vec<QuizItem>), AppError> {
    Ok((from_json(&quiz.settings)?, from_json(&quiz.items)?))
}

/// The kept score (percent) of submitted attempts (oldest first) under `kept`.
pub fn kept_percent(kept: KeptAttempt, percents: &[f64]) -> Option<f64> {
    match kept {
        KeptAttempt::Highest => percents.iter().copied().reduce(f64::max),
        KeptAttempt::Last => percents.last().copied(),
        KeptAttempt::Average if percents.is_empty() => None,
        KeptAttempt::Average => Some(percents.iter().sum::<f64>() / percents.len() as f64),
    }
}

/// Whether a score of `percent` reaches the quiz's pass mark (with room for rounding).
pub(crate) fn passes(percent: f64, settings: &QuizSettings) -> bool {
    percent + 1e-9 >= f64::from(settings.pass_percent)
}

/// How many questions an attempt at a quiz with these items has.
pub(crate) fn question_count(items: &[QuizItem]) -> u32 {
    items
        .iter()
        .map(|i| match i {
            QuizItem::Question { .. } => 1,
            QuizItem::Draw { count, .. } => *count,
        })
        .sum()
}

#[cfg(test)]
mod kept_tests;
