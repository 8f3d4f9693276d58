//! Course authoring: the instructor dashboard, course and lesson editors, the curriculum and
//! publishing. Every function takes the acting user and checks they may edit the course.
//!
//! Access rule: a course's own instructor and admins may read and change it. Anyone else gets
//! `NotFound` for a draft (its existence is not revealed) and `Forbidden` for a published one.

pub mod courses;
pub mod curriculum;
pub mod lessons;
pub mod validate;

use sea_orm::{ConnectionTrait, EntityTrait};

use crate::error::AppError;
use crate::models::Role;
use crate::server::entities::{course, lesson, section, user};

/// Whether `user` may edit `course`: its instructor, or an admin.
pub fn may_edit(user: &user::Model, course: &course::Model) -> bool {
    course.instructor_id == user.id || user.role == Role::Admin.as_str()
}

/// The course `course_id` if `user` may edit it (see the module's access rule).
pub async fn editable_course(
    db: &impl ConnectionTrait,
    user: &user::Model,
    course_id: i64,
) -> Result<course::Model, AppError> {
    let course = course::Entity::find_by_id(course_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if may_edit(user, &course) {
        Ok(course)
    } else if course.status == course::STATUS_PUBLISHED {
        Err(AppError::Forbidden)
    } else {
        Err(AppError::NotFound)
    }
}

/// The section `section_id` and its course, if `user` may edit that course.
pub async fn editable_section(
    db: &impl ConnectionTrait,
    user: &user::Model,
    section_id: i64,
) -> Result<(course::Model, section::Model), AppError> {
    let section = section::Entity::find_by_id(section_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let course = editable_course(db, user, section.course_id).await?;
    Ok((course, section))
}

/// The lesson `lesson_id` and its course, if `user` may edit that course.
pub async fn editable_lesson(
    db: &impl ConnectionTrait,
    user: &user::Model,
    lesson_id: i64,
) -> Result<(course::Model, lesson::Model), AppError> {
    let lesson = lesson::Entity::find_by_id(lesson_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let course = editable_course(db, user, lesson.course_id).await?;
    Ok((course, lesson))
}

/// Marks the course as changed now (the dashboard's "last edit").
pub async fn touch(db: &impl ConnectionTrait, course_id: i64) -> Result<(), AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    course::Entity::update_many()
        .col_expr(
            course::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now()),
        )
        .filter(course::Column::Id.eq(course_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The message for an edit made against an out-of-date revision.
pub const STALE_EDIT: &str = "This was changed in another window or by someone else. Reload to \
     get the latest version; your unsaved text stays in this browser.";

/// The revision an edit against `revision` (a client's number) saves as. No stored revision is
/// negative or at the top of the range, so such a number is a stale edit, never an overflow.
pub(crate) fn next_revision(revision: i32) -> Result<i32, AppError> {
    if revision < 0 {
        return Err(AppError::Conflict(STALE_EDIT.into()));
    }
    revision
        .checked_add(1)
        .ok_or_else(|| AppError::Conflict(STALE_EDIT.into()))
}

#[cfg(test)]
mod courses_tests;
#[cfg(test)]
mod curriculum_tests;
#[cfg(test)]
mod lessons_tests;
