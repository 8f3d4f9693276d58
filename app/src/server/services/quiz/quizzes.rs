//! A quiz lesson's settings and items, for its instructor.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::{bank, quiz_lesson, quiz_of, rules, to_json};
use crate::error::{AppError, FieldErrors};
use crate::models::{QuizEditor, QuizItem, QuizSettings, MAX_GRACE_SECONDS};
use crate::server::entities::{question, quiz, quiz_attempt, user};
use crate::server::services::authoring::{editable_course, touch};

/// Longest time limit: one day.
const MAX_TIME_LIMIT: u32 = 24 * 60 * 60;

/// The quiz editor of lesson `lesson_id` (see the module's access rule).
pub async fn editor(
    db: &impl ConnectionTrait,
    user: &user::Model,
    lesson_id: i64,
) -> Result<QuizEditor, AppError> {
    let (course, lesson) = quiz_lesson(db, lesson_id).await?;
    editable_course(db, user, course.id).await?;
    let quiz = quiz_of(db, &lesson).await?;
    let (settings, items) = rules(&quiz)?;
    let questions = bank::course_questions(db, course.id).await?;
    let has_attempts = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::QuizId.eq(quiz.id))
        .count(db)
        .await?
        > 0;
    Ok(QuizEditor {
        lesson_id,
        course_id: course.id,
        lesson_title: lesson.title,
        settings,
        items,
        tags: bank::tag_counts(&questions),
        bank: bank::summaries(db, course.id, &questions).await?,
        has_attempts,
    })
}

fn time(value: Option<&String>, field: &str, errors: &mut FieldErrors) -> Option<DateTime<Utc>> {
    let value = value?;
    match DateTime::parse_from_rfc3339(value) {
        Ok(t) => Some(t.with_timezone(&Utc)),
        Err(_) => {
            errors.insert(field.into(), "Give a date and time.".into());
            None
        }
    }
}

/// The problems with `settings` and `items`, keyed `settings.<name>` and `items.<index>`.
/// `bank` holds the ids of the course's questions.
pub fn check(settings: &QuizSettings, items: &[QuizItem], bank: &BTreeSet<i64>) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if settings.pass_percent > 100 {
        errors.insert(
            "settings.pass_percent".into(),
            "The pass mark is a percentage from 0 to 100.".into(),
        );
    }
    if settings
        .max_attempts
        .is_some_and(|n| !(1..=100).contains(&n))
    {
        errors.insert(
            "settings.max_attempts".into(),
            "Allow from 1 to 100 attempts, or unlimited.".into(),
        );
    }
    if settings
        .time_limit_seconds
        .is_some_and(|s| !(10..=MAX_TIME_LIMIT).contains(&s))
    {
        errors.insert(
            "settings.time_limit_seconds".into(),
            "A time limit is from 10 seconds to 24 hours, or none.".into(),
        );
    }
    if settings.grace_seconds > MAX_GRACE_SECONDS {
        errors.insert(
            "settings.grace_seconds".into(),
            format!("A network grace period is from 0 to {MAX_GRACE_SECONDS} seconds."),
        );
    }
    let opens = time(settings.opens_at.as_ref(), "settings.opens_at", &mut errors);
    let closes = time(
        settings.closes_at.as_ref(),
        "settings.closes_at",
        &mut errors,
    );
    if let (Some(opens), Some(closes)) = (opens, closes) {
        if closes <= opens {
            errors.insert(
                "settings.closes_at".into(),
                "The quiz must close after it opens.".into(),
            );
        }
    }
    if items.len() > 100 {
        errors.insert("items".into(), "A quiz has at most 100 items.".into());
    }
    let mut fixed = BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        let problem = match item {
            QuizItem::Question { question_id } if !bank.contains(question_id) => {
                Some("This question is not in the course's bank.")
            }
            QuizItem::Question { question_id } if !fixed.insert(*question_id) => {
                Some("This question is already in the quiz.")
            }
            QuizItem::Draw { count, .. } if !(1..=100).contains(count) => {
                Some("Draw from 1 to 100 questions.")
            }
            QuizItem::Draw { tags, .. } if !bank::tag_input_bounded(tags) => {
                Some("Draw from at most 50 tags of up to 200 characters.")
            }
            QuizItem::Draw { tags, .. } if tags.iter().all(|t| t.trim().is_empty()) => {
                Some("Name at least one tag to draw from.")
            }
            _ => None,
        };
        if let Some(problem) = problem {
            errors.insert(format!("items.{i}"), problem.into());
        }
    }
    errors
}

/// Saves the settings and items of quiz lesson `lesson_id`. They apply to attempts started
/// afterwards; attempts already started keep their questions.
pub async fn save(
    db: &impl ConnectionTrait,
    user: &user::Model,
    lesson_id: i64,
    settings: &QuizSettings,
    items: &[QuizItem],
) -> Result<(), AppError> {
    let (course, lesson) = quiz_lesson(db, lesson_id).await?;
    editable_course(db, user, course.id).await?;
    let ids: BTreeSet<i64> = question::Entity::find()
        .filter(question::Column::CourseId.eq(course.id))
        .all(db)
        .await?
        .into_iter()
        .map(|q| q.id)
        .collect();
    let errors = check(settings, items, &ids);
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let items: Vec<QuizItem> = items
        .iter()
        .map(|item| match item {
            QuizItem::Draw { tags, count } => QuizItem::Draw {
                tags: crate::quiz::normalise_tags(tags),
                count: *count,
            },
            other => other.clone(),
        })
        .collect();
    let quiz = quiz_of(db, &lesson).await?;
    quiz::Entity::update(quiz::ActiveModel {
        id: Set(quiz.id),
        settings: Set(to_json(settings)?),
        items: Set(to_json(&items)?),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(db)
    .await?;
    touch(db, course.id).await
}
