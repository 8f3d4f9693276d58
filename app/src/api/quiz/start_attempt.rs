//! Starts an attempt (or returns the one in progress); its questions and order are fixed now.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::AttemptView;

/// Starts an attempt (or returns the one in progress); its questions and order are fixed now. Enforces open/close dates and the attempt limit. Signed-in learners who may open the lesson.
#[server]
pub async fn start_attempt(lesson_id: i64) -> Result<AttemptView, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_signed_in().await?;
    quiz::attempts::start(&state.db, &user, lesson_id).await
}
