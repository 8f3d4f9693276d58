//! A quiz lesson for the signed-in learner: rules, attempts, and whether one may start.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::QuizOverview;

/// A quiz lesson for the signed-in learner: rules, attempts, and whether one may start. Anyone who may open the lesson.
#[server]
pub async fn get_quiz(lesson_id: i64) -> Result<QuizOverview, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_signed_in().await?;
    quiz::attempts::overview(&state.db, &user, lesson_id).await
}
