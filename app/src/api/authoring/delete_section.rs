//! Deletes a section with its lessons.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::EditorSection;

/// Deletes a section with its lessons. Instructors and admins only.
#[server]
pub async fn delete_section(section_id: i64) -> Result<Vec<EditorSection>, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::curriculum::delete_section(&state.db, &user, section_id).await
}
