//! Deletes a lesson.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::EditorSection;

/// Deletes a lesson. Instructors and admins only.
#[server]
pub async fn delete_lesson(lesson_id: i64) -> Result<Vec<EditorSection>, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::curriculum::delete_lesson(&state.db, &user, lesson_id).await
}
