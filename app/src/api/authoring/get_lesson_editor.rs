//! Everything the lesson editor shows.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::LessonEditor;

/// Everything the lesson editor shows. Instructors and admins only.
#[server]
pub async fn get_lesson_editor(lesson_id: i64) -> Result<LessonEditor, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::lessons::editor(&state.db, &user, lesson_id).await
}
