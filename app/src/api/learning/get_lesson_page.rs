//! A lesson page with the viewer's progress, for anyone the lesson access rule lets in.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::LessonPage;

/// Lesson `lesson` of course `course` with the viewer's progress. Free previews are open to
/// everyone; other lessons need enrollment (`Forbidden`, so the page can offer it) unless the
/// viewer edits the course. `NotFound` for unknown lessons and hidden drafts.
#[server]
pub async fn get_lesson_page(course: String, lesson: String) -> Result<LessonPage, AppError> {
    use crate::server::{context, services::learning};
    let state = context::app_state()?;
    let viewer = context::current_user().await?;
    learning::lesson_page(&state.db, viewer.as_ref(), &course, &lesson).await
}
