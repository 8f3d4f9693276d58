//! Per-question statistics of a quiz: facility index and most common wrong answers.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::QuizStats;

/// Per-question statistics of a quiz: facility index and most common wrong answers. Instructors of the course and admins.
#[server]
pub async fn get_quiz_stats(lesson_id: i64) -> Result<QuizStats, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::stats::quiz_stats(&state.db, &user, lesson_id).await
}
