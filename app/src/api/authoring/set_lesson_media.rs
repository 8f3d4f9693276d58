//! Attaches a finished upload to a lesson, or detaches it with no `media_id`.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::LessonEditor;

/// Attaches a finished upload to a lesson, or detaches it with no `media_id`. Instructors and admins only.
#[server]
pub async fn set_lesson_media(
    lesson_id: i64,
    media_id: Option<i64>,
) -> Result<LessonEditor, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::lessons::set_media(&state.db, &user, lesson_id, media_id).await
}
