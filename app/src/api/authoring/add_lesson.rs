//! Adds a lesson (`text`, `video` or `file`) at the end of a section.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::EditorSection;

/// Adds a lesson (`text`, `video` or `file`) at the end of a section. Instructors and admins only.
#[server]
pub async fn add_lesson(
    section_id: i64,
    title: String,
    kind: String,
) -> Result<Vec<EditorSection>, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::curriculum::add_lesson(&state.db, &user, section_id, &title, &kind).await
}
