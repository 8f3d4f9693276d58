//! A lesson page: the lesson, the viewer's progress in its course, and what to prefetch.

use sea_orm::DatabaseConnection;

use super::progress::course_progress;
use super::{can_open_lesson, LessonAccess};
use crate::error::AppError;
use crate::models::LessonPage;
use crate::server::entities::user;
use crate::server::services::courses::{
    flat_lessons, lesson_index, lesson_view, outline, visible_course,
};

/// Everything the lesson page shows, if `viewer` may open the lesson (see the module's access
/// rule): `NotFound` for unknown courses, lessons and hidden drafts, `Forbidden` when the
/// viewer must enroll first (the caller knows the course slug to offer enrollment).
pub async fn lesson_page(
    db: &DatabaseConnection,
    viewer: Option<&user::Model>,
    course_slug: &str,
    lesson_slug: &str,
) -> Result<LessonPage, AppError> {
    let (course, editor) = visible_course(db, viewer, course_slug).await?;
    let sections = outline(db, course.id).await?;
    let index = lesson_index(&sections, lesson_slug)?;
    let flat = flat_lessons(&sections);
    let access = can_open_lesson(db, viewer, &course, flat[index]).await?;
    let lesson = lesson_view(db, &course, &sections, index).await?;
    let progress = match viewer {
        Some(user) => Some(course_progress(db, user.id, &course).await?),
        None => None,
    };
    let enrolled = progress.as_ref().is_some_and(|p| p.enrolled);
    let opens_all = editor || enrolled || access == LessonAccess::Enrolled;
    let next_lesson = flat
        .get(index + 1)
        .filter(|l| opens_all || (l.free_preview && !lesson.is_draft))
        .map(|l| l.slug.clone());
    Ok(LessonPage {
        lesson,
        progress,
        enrolled,
        can_edit: editor,
        next_lesson,
    })
}
