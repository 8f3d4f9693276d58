//! Everything the course editor shows.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseEditor;

/// Everything the course editor shows. Drafts of others are `NotFound`. Instructors and admins only.
#[server]
pub async fn get_course_editor(course_id: i64) -> Result<CourseEditor, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::courses::editor(&state.db, &user, course_id).await
}
