//! A bank question with its answers, for the question editor.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::QuestionEditor;

/// A bank question with its answers, for the question editor. Instructors of the course and admins.
#[server]
pub async fn get_question(question_id: i64) -> Result<QuestionEditor, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::bank::get(&state.db, &user, question_id).await
}
