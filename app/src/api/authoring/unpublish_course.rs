//! Hides a course from the catalogue; enrolled learners keep access.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseEditor;

/// Hides a course from the catalogue; enrolled learners keep access. Instructors and admins only.
#[server]
pub async fn unpublish_course(course_id: i64) -> Result<CourseEditor, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::courses::unpublish(&state.db, &user, course_id).await?;
    tracing::info!(user_id = user.id, course_id, "course unpublished");
    authoring::courses::editor(&state.db, &user, course_id).await
}
