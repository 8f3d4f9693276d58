//! Awarding: which of a learner's due badges their stored state now earns.

use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QuerySelect, Set,
};
use sha2::{Digest, Sha256};

use super::Snapshot;
use crate::error::AppError;
use crate::models::Rule;
use crate::server::entities::{
    badge, badge_award, course, enrollment, lesson_progress, points_entry, quiz_attempt, user,
};
use crate::server::services::points;

/// Awards `user_id` every badge of `course_id` (and every site-wide badge) whose rule their
/// stored progress now meets and that they do not hold yet; returns the new awards' badge ids.
/// Safe to call any number of times, in any order, concurrently: one award per badge at most.
pub async fn award_due(
    db: &impl ConnectionTrait,
    user_id: i64,
    course_id: i64,
) -> Result<Vec<i64>, AppError> {
    let badges = badge::Entity::find()
        .filter(
            Condition::any()
                .add(badge::Column::CourseId.eq(course_id))
                .add(badge::Column::CourseId.is_null()),
        )
        .all(db)
        .await?;
    if badges.is_empty() {
        return Ok(Vec::new());
    }
    let held: HashSet<i64> = badge_award::Entity::find()
        .select_only()
        .column(badge_award::Column::BadgeId)
        .filter(badge_award::Column::UserId.eq(user_id))
        .filter(badge_award::Column::BadgeId.is_in(badges.iter().map(|b| b.id)))
        .into_tuple::<i64>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut awarded = Vec::new();
    for b in badges.iter().filter(|b| !held.contains(&b.id)) {
        if earns(db, user_id, b).await? && insert(db, user_id, b).await? {
            awarded.push(b.id);
        }
    }
    Ok(awarded)
}

/// Awards badge `badge_id` to everyone who already meets its rule (the job queued when a badge
/// is created). Returns how many were awarded.
pub async fn backfill(db: &DatabaseConnection, badge_id: i64) -> Result<u64, AppError> {
    let Some(b) = badge::Entity::find_by_id(badge_id).one(db).await? else {
        return Ok(0);
    };
    let enrolled = enrollment::Entity::find()
        .select_only()
        .column(enrollment::Column::UserId)
        .distinct();
    let learners: Vec<i64> = match (b.course_id, Rule::from_key(&b.rule)) {
        (Some(course_id), _) => {
            enrolled
                .filter(enrollment::Column::CourseId.eq(course_id))
                .into_tuple()
                .all(db)
                .await?
        }
        // Anyone with a streak has points.
        (None, Some(Rule::StreakDays)) => {
            points_entry::Entity::find()
                .select_only()
                .column(points_entry::Column::UserId)
                .distinct()
                .into_tuple()
                .all(db)
                .await?
        }
        (None, _) => {
            enrolled
                .filter(enrollment::Column::CompletedAt.is_not_null())
                .into_tuple()
                .all(db)
                .await?
        }
    };
    let mut count = 0;
    for user_id in learners {
        if earns(db, user_id, &b).await? && insert(db, user_id, &b).await? {
            count += 1;
        }
    }
    Ok(count)
}

/// Whether `user_id`'s stored state meets `b`'s rule.
async fn earns(
    db: &impl ConnectionTrait,
    user_id: i64,
    b: &badge::Model,
) -> Result<bool, AppError> {
    let Some(rule) = Rule::from_key(&b.rule) else {
        return Ok(false);
    };
    let completed_lessons = |course_id: i64| {
        lesson_progress::Entity::find()
            .filter(lesson_progress::Column::UserId.eq(user_id))
            .filter(lesson_progress::Column::CourseId.eq(course_id))
            .filter(lesson_progress::Column::CompletedAt.is_not_null())
    };
    Ok(match (rule, b.course_id) {
        (Rule::CourseCompleted, Some(course_id)) => {
            enrollment::Entity::find()
                .filter(enrollment::Column::UserId.eq(user_id))
                .filter(enrollment::Column::CourseId.eq(course_id))
                .filter(enrollment::Column::CompletedAt.is_not_null())
                .count(db)
                .await?
                > 0
        }
        (Rule::FirstLesson, Some(course_id)) => completed_lessons(course_id).count(db).await? > 0,
        (Rule::QuizPassed, Some(_)) => {
            let Some(lesson_id) = b.rule_lesson_id else {
                return Ok(false);
            };
            let threshold = f64::from(b.rule_threshold.unwrap_or(0));
            quiz_attempt::Entity::find()
                .filter(quiz_attempt::Column::UserId.eq(user_id))
                .filter(quiz_attempt::Column::LessonId.eq(lesson_id))
                .filter(quiz_attempt::Column::Passed.eq(true))
                .filter(quiz_attempt::Column::Percent.gte(threshold))
                .count(db)
                .await?
                > 0
        }
        (Rule::AllQuizzesPassed, Some(course_id)) => {
            let graded: Vec<i64> = super::authoring::graded_quizzes(db, course_id)
                .await?
                .into_iter()
                .map(|q| q.lesson_id)
                .collect();
            // A graded quiz lesson completes only when passed; no quizzes earns nothing.
            !graded.is_empty()
                && completed_lessons(course_id)
                    .filter(lesson_progress::Column::LessonId.is_in(graded.iter().copied()))
                    .count(db)
                    .await?
                    >= graded.len() as u64
        }
        (Rule::StreakDays, None) => {
            let needed = u32::try_from(b.rule_threshold.unwrap_or(1).max(1)).unwrap_or(1);
            let Some(learner) = user::Entity::find_by_id(user_id).one(db).await? else {
                return Ok(false);
            };
            points::streak::best(db, user_id, &learner.time_zone, Utc::now()).await? >= needed
        }
        (Rule::CoursesCompleted, None) => {
            let needed = u64::try_from(b.rule_threshold.unwrap_or(1).max(1)).unwrap_or(1);
            enrollment::Entity::find()
                .filter(enrollment::Column::UserId.eq(user_id))
                .filter(enrollment::Column::CompletedAt.is_not_null())
                .count(db)
                .await?
                >= needed
        }
        _ => false,
    })
}

/// Inserts the award unless it exists; whether this call inserted it.
async fn insert(
    db: &impl ConnectionTrait,
    user_id: i64,
    b: &badge::Model,
) -> Result<bool, AppError> {
    let Some(learner) = user::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(false);
    };
    if learner.deleted_at.is_some() {
        return Ok(false);
    }
    let course = match b.course_id {
        Some(id) => course::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|c| (c.id, c.title, c.slug)),
        None => None,
    };
    let snapshot = Snapshot {
        badge_id: b.id,
        name: b.name.clone(),
        description: b.description.clone(),
        criteria: b.criteria.clone(),
        image: b.image.clone(),
        course,
    };
    let (salt, hash) = recipient_hash(&learner.email)?;
    let inserted = badge_award::Entity::insert(badge_award::ActiveModel {
        public_id: Set(uuid::Uuid::now_v7().to_string()),
        badge_id: Set(b.id),
        user_id: Set(user_id),
        awarded_at: Set(Utc::now()),
        achievement: Set(serde_json::to_string(&snapshot).map_err(|_| AppError::Internal)?),
        learner_name: Set(learner.display_name.clone()),
        recipient_salt: Set(salt),
        recipient_hash: Set(hash),
        credential_jwt: Set(None),
        revoked_at: Set(None),
        revoked_reason: Set(None),
        revoked_by: Set(None),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([badge_award::Column::BadgeId, badge_award::Column::UserId])
    .exec_without_returning(db)
    .await?;
    Ok(matches!(inserted, sea_orm::TryInsertResult::Inserted(n) if n > 0))
}

/// A fresh salt and the OB 3.0 identity hash of `email` with it: `sha256$` and the hex SHA-256
/// of the (lowercased) email followed by the salt.
pub fn recipient_hash(email: &str) -> Result<(String, String), AppError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| AppError::Internal)?;
    let salt = hex::encode(bytes);
    Ok((salt.clone(), identity_hash(email, &salt)))
}

/// `sha256$` and the hex SHA-256 of the lowercased, trimmed `email` followed by `salt`.
pub fn identity_hash(email: &str, salt: &str) -> String {
    let digest = Sha256::digest(format!("{}{salt}", email.trim().to_lowercase()).as_bytes());
    format!("sha256${}", hex::encode(digest))
}
