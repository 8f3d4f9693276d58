//! Saves a lesson if `revision` is current (autosave); `Conflict` if not.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{LessonDraft, Saved};

/// Saves a lesson if `revision` is current (autosave); `Conflict` if not. Instructors and admins only.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn save_lesson(
    lesson_id: i64,
    revision: i32,
    draft: LessonDraft,
) -> Result<Saved, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::lessons::update(&state.db, &user, lesson_id, revision, &draft).await
}
