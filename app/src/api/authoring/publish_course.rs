//! Publishes a course whose checklist is complete; the problems come back as a `publish` field error otherwise.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseEditor;

/// Publishes a course whose checklist is complete; the problems come back as a `publish` field error otherwise. Instructors and admins only.
#[server]
pub async fn publish_course(course_id: i64) -> Result<CourseEditor, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::courses::publish(&state.db, &user, course_id).await?;
    tracing::info!(user_id = user.id, course_id, "course published");
    authoring::courses::editor(&state.db, &user, course_id).await
}
