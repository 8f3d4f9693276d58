//! A free-preview lesson, open to everyone.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::LessonView;

/// A free-preview lesson with its course outline; `Forbidden` for lessons that need enrollment.
#[server]
pub async fn get_preview_lesson(course: String, lesson: String) -> Result<LessonView, AppError> {
    use crate::server::{
        context::{app_state, current_user},
        services::courses,
    };
    let state = app_state()?;
    let viewer = current_user().await?;
    courses::preview_lesson(&state.db, viewer.as_ref(), &course, &lesson).await
}
