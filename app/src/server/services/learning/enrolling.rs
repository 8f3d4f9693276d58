//! Enrolling and unenrolling, and the course-completion rule.

use chrono::Utc;
use sea_orm::{
    sea_query::Expr, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use super::enrollment_of;
use super::progress::{course_progress, ordered_lessons};
use crate::error::AppError;
use crate::models::CourseProgress;
use crate::server::entities::{course, enrollment, lesson_progress, user};
use crate::server::services::authoring::may_edit;

/// The refusal to enroll in a paid course one has not bought.
pub const PAID_COURSE: &str = "This course is paid: buy it to enroll.";

async fn course_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<course::Model, AppError> {
    course::Entity::find()
        .filter(course::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Enrolls `user` in the published course `slug` (again is fine) when it is free or they own
/// it (a paid purchase, not refunded), and returns their progress there, restored from earlier
/// enrollments. `NotFound` for unknown courses and drafts; `Conflict` for paid courses they
/// have not bought.
pub async fn enroll(
    db: &DatabaseConnection,
    user: &user::Model,
    slug: &str,
) -> Result<CourseProgress, AppError> {
    let course = course_by_slug(db, slug).await?;
    if course.status != course::STATUS_PUBLISHED {
        return Err(AppError::NotFound);
    }
    if course.price_cents > 0
        && !crate::server::services::payments::owns(db, user.id, course.id).await?
    {
        return Err(AppError::Conflict(PAID_COURSE.into()));
    }
    enrollment::Entity::insert(enrollment::ActiveModel {
        user_id: Set(user.id),
        course_id: Set(course.id),
        enrolled_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([enrollment::Column::UserId, enrollment::Column::CourseId])
    .exec_without_returning(db)
    .await?;
    mark_completed_if_done(db, user.id, course.id).await?;
    course_progress(db, user.id, &course).await
}

/// Ends `user`'s enrollment in course `slug` (not enrolled is fine) and returns their progress
/// there, which is kept. `NotFound` for unknown courses and drafts they neither edit nor
/// are enrolled in.
pub async fn unenroll(
    db: &DatabaseConnection,
    user: &user::Model,
    slug: &str,
) -> Result<CourseProgress, AppError> {
    let course = course_by_slug(db, slug).await?;
    let enrolled = enrollment_of(db, user.id, course.id).await?.is_some();
    if course.status != course::STATUS_PUBLISHED && !enrolled && !may_edit(user, &course) {
        return Err(AppError::NotFound);
    }
    enrollment::Entity::delete_many()
        .filter(enrollment::Column::UserId.eq(user.id))
        .filter(enrollment::Column::CourseId.eq(course.id))
        .exec(db)
        .await?;
    course_progress(db, user.id, &course).await
}

/// Applies the course-completion rule to `user_id`'s enrollment in `course_id`: once every
/// lesson of the course is complete, the enrollment is complete as of now (server time: a
/// client's clock could backdate a completion that certificates and statistics rely on).
/// Never unsets. Issues the course's certificate when it completes. Returns whether it changed
/// anything.
pub async fn mark_completed_if_done(
    db: &impl ConnectionTrait,
    user_id: i64,
    course_id: i64,
) -> Result<bool, AppError> {
    let Some(enrollment) = enrollment_of(db, user_id, course_id).await? else {
        return Ok(false);
    };
    if enrollment.completed_at.is_some() {
        return Ok(false);
    }
    let lessons = ordered_lessons(db, course_id).await?;
    if lessons.is_empty() {
        return Ok(false);
    }
    let rows = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::UserId.eq(user_id))
        .filter(lesson_progress::Column::LessonId.is_in(lessons.iter().map(|l| l.id)))
        .filter(lesson_progress::Column::CompletedAt.is_not_null())
        .all(db)
        .await?;
    if rows.len() < lessons.len() {
        return Ok(false);
    }
    let done_at = chrono::Utc::now();
    let updated = enrollment::Entity::update_many()
        .col_expr(enrollment::Column::CompletedAt, Expr::value(done_at))
        .filter(enrollment::Column::Id.eq(enrollment.id))
        .filter(enrollment::Column::CompletedAt.is_null())
        .exec(db)
        .await?;
    let completed = updated.rows_affected > 0;
    if completed {
        // In the caller's transaction: the certificate (and its PDF job) exists exactly when
        // the completion does.
        crate::server::services::certificates::issue_due(db, user_id, course_id).await?;
    }
    Ok(completed)
}
