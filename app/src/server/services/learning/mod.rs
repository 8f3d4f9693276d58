//! The learning journey: enrolling, opening lessons, recording progress, "My learning" and the
//! instructor's course statistics.
//!
//! Access rule for a lesson: free previews of published courses are open to everyone; the
//! course's instructor and admins may open any lesson (drafts too); learners enrolled in a
//! published course may open all its lessons. Anyone else gets `Forbidden` (the page then
//! offers to enroll); drafts stay `NotFound` for everyone but their editors.
//!
//! Unenrolling deletes the enrollment but keeps the learner's lesson progress and events, so
//! enrolling again restores where they were.

pub mod announce;
pub mod enrolling;
pub mod lesson_page;
pub mod merge;
pub mod offline;
pub mod progress;
pub mod record;
pub mod stats;
pub mod validate;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::error::AppError;
use crate::server::entities::{course, enrollment, lesson, user};
use crate::server::services::authoring::may_edit;

pub use enrolling::{enroll, unenroll};
pub use lesson_page::lesson_page;
pub use progress::{course_progress, my_learning, progress_for_slug};
pub use record::record;
pub use stats::course_stats;

/// The enrollment of `user_id` in `course_id`, if any.
pub async fn enrollment_of(
    db: &impl ConnectionTrait,
    user_id: i64,
    course_id: i64,
) -> Result<Option<enrollment::Model>, AppError> {
    Ok(enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(user_id))
        .filter(enrollment::Column::CourseId.eq(course_id))
        .one(db)
        .await?)
}

/// Why a viewer may open a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonAccess {
    /// A free preview of a published course.
    Preview,
    /// The course's instructor or an admin.
    Editor,
    /// A learner enrolled in the published course.
    Enrolled,
}

/// Whether `viewer` may open `lesson` of `course` (see the module's access rule): why, or
/// `NotFound` (a draft they may not see) or `Forbidden` (enrollment needed).
pub async fn can_open_lesson(
    db: &impl ConnectionTrait,
    viewer: Option<&user::Model>,
    course: &course::Model,
    lesson: &lesson::Model,
) -> Result<LessonAccess, AppError> {
    if lesson.course_id != course.id {
        return Err(AppError::NotFound);
    }
    if viewer.is_some_and(|u| may_edit(u, course)) {
        return Ok(LessonAccess::Editor);
    }
    if course.status != course::STATUS_PUBLISHED {
        return Err(AppError::NotFound);
    }
    if lesson.free_preview {
        return Ok(LessonAccess::Preview);
    }
    match viewer {
        Some(user) if enrollment_of(db, user.id, course.id).await?.is_some() => {
            Ok(LessonAccess::Enrolled)
        }
        _ => Err(AppError::Forbidden),
    }
}

/// An RFC 3339 time for DTOs.
pub(crate) fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod progress_tests;
#[cfg(test)]
mod validate_tests;
