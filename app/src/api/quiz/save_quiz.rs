//! Saves a quiz lesson's settings and items; field errors name the setting or item at fault.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{QuizItem, QuizSettings};

/// Saves a quiz lesson's settings and items; field errors name the setting or item at fault. Changes apply to attempts started afterwards. Instructors of the course and admins.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn save_quiz(
    lesson_id: i64,
    settings: QuizSettings,
    items: Vec<QuizItem>,
) -> Result<(), AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::quizzes::save(&state.db, &user, lesson_id, &settings, &items).await
}
