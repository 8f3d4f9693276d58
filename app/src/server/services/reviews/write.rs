//! Writing, editing and deleting one's own review.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use super::{is_enrolled, lock_rating, opened_a_lesson, recompute_rating, validate};
use crate::error::AppError;
use crate::server::entities::{course, review, user};
use crate::server::services::accounts::is_unique_violation;
use crate::server::services::courses::published;
use crate::server::services::learning::progress::course_progress;

/// The refusal to review a course twice.
pub const ALREADY_REVIEWED: &str =
    "You have already reviewed this course: edit your review instead.";
/// The refusal to someone not enrolled.
pub const ENROLL_FIRST: &str = "Enroll in this course to review it.";
/// The refusal to someone enrolled who has not opened a lesson.
pub const OPEN_A_LESSON: &str = "Open at least one lesson of this course before reviewing it.";

/// `Conflict` with the next step unless `user` is enrolled in `course` and opened a lesson.
async fn must_be_eligible(
    db: &DatabaseConnection,
    user: &user::Model,
    course: &course::Model,
) -> Result<(), AppError> {
    if !is_enrolled(db, user.id, course.id).await? {
        return Err(AppError::Conflict(ENROLL_FIRST.into()));
    }
    if !opened_a_lesson(db, user.id, course.id).await? {
        return Err(AppError::Conflict(OPEN_A_LESSON.into()));
    }
    Ok(())
}

/// `user`'s progress in `course` now: (percent, completed).
async fn progress_now(
    db: &DatabaseConnection,
    user: &user::Model,
    course: &course::Model,
) -> Result<(i32, bool), AppError> {
    let progress = course_progress(db, user.id, course).await?;
    Ok((i32::from(progress.percent), progress.completed_at.is_some()))
}

/// Posts `user`'s review of the published course `slug`: `rating` stars and optional `text`.
/// Field errors for bad input; `Conflict` when they may not review yet (saying what to do) or
/// already did.
pub async fn submit(
    db: &DatabaseConnection,
    user: &user::Model,
    slug: &str,
    rating: i64,
    text: &str,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let course = published(db, slug).await?;
    let clean = validate(rating, text).map_err(AppError::Validation)?;
    must_be_eligible(db, user, &course).await?;
    let (percent, completed) = progress_now(db, user, &course).await?;
    let txn = db.begin().await?;
    lock_rating(&txn, course.id, now).await?;
    let inserted = review::ActiveModel {
        course_id: Set(course.id),
        user_id: Set(user.id),
        rating: Set(clean.rating),
        body: Set(clean.body),
        progress_percent: Set(percent),
        completed: Set(completed),
        helpful_count: Set(0),
        edited: Set(false),
        hidden_at: Set(None),
        hidden_reason: Set(None),
        reply_body: Set(None),
        reply_at: Set(None),
        reply_edited: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let inserted = match inserted {
        Ok(row) => row,
        Err(e) if is_unique_violation(&e) => {
            return Err(AppError::Conflict(ALREADY_REVIEWED.into()))
        }
        Err(e) => return Err(e.into()),
    };
    recompute_rating(&txn, course.id).await?;
    txn.commit().await?;
    tracing::info!(
        user_id = user.id,
        course_id = course.id,
        review_id = inserted.id,
        "review posted"
    );
    Ok(inserted.id)
}

/// `user`'s own review of course `slug`, or `NotFound`.
async fn own(
    db: &DatabaseConnection,
    user: &user::Model,
    slug: &str,
) -> Result<(course::Model, review::Model), AppError> {
    let course = published(db, slug).await?;
    let mine = review::Entity::find()
        .filter(review::Column::CourseId.eq(course.id))
        .filter(review::Column::UserId.eq(user.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((course, mine))
}

/// Changes `user`'s review of course `slug` (marked edited, progress taken again). Only while
/// still enrolled; `NotFound` without a review.
pub async fn edit(
    db: &DatabaseConnection,
    user: &user::Model,
    slug: &str,
    rating: i64,
    text: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let clean = validate(rating, text).map_err(AppError::Validation)?;
    let (course, mine) = own(db, user, slug).await?;
    must_be_eligible(db, user, &course).await?;
    let (percent, completed) = progress_now(db, user, &course).await?;
    let txn = db.begin().await?;
    lock_rating(&txn, course.id, now).await?;
    let mut changed: review::ActiveModel = mine.into();
    changed.rating = Set(clean.rating);
    changed.body = Set(clean.body);
    changed.progress_percent = Set(percent);
    changed.completed = Set(completed);
    changed.edited = Set(true);
    changed.updated_at = Set(now);
    changed.update(&txn).await?;
    recompute_rating(&txn, course.id).await?;
    txn.commit().await?;
    Ok(())
}

/// Deletes `user`'s review of course `slug` (with its votes, reports and reply); the rating
/// drops it at once. `NotFound` without a review.
pub async fn delete(
    db: &DatabaseConnection,
    user: &user::Model,
    slug: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let (course, mine) = own(db, user, slug).await?;
    let txn = db.begin().await?;
    lock_rating(&txn, course.id, now).await?;
    review::Entity::delete_by_id(mine.id).exec(&txn).await?;
    recompute_rating(&txn, course.id).await?;
    txn.commit().await?;
    tracing::info!(user_id = user.id, course_id = course.id, "review deleted");
    Ok(())
}
