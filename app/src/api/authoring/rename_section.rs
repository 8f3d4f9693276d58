//! Renames a section.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::EditorSection;

/// Renames a section. Instructors and admins only.
#[server]
pub async fn rename_section(
    section_id: i64,
    title: String,
) -> Result<Vec<EditorSection>, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::curriculum::rename_section(&state.db, &user, section_id, &title).await
}
