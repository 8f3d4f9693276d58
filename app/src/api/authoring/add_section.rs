//! Adds a section at the end of the curriculum.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::EditorSection;

/// Adds a section at the end of the curriculum. Instructors and admins only.
#[server]
pub async fn add_section(course_id: i64, title: String) -> Result<Vec<EditorSection>, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::curriculum::add_section(&state.db, &user, course_id, &title).await
}
