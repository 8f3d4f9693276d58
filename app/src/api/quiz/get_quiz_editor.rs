//! A quiz lesson's settings and items, with the course's bank to pick from.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::QuizEditor;

/// A quiz lesson's settings and items, with the course's bank to pick from. Instructors of the course and admins.
#[server]
pub async fn get_quiz_editor(lesson_id: i64) -> Result<QuizEditor, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::quizzes::editor(&state.db, &user, lesson_id).await
}
