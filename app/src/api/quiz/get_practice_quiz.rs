//! A practice quiz's questions with answers, for grading in the browser.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::PracticeQuiz;

/// A practice quiz's questions with answers, for grading in the browser. `NotFound` for graded quizzes. Anyone signed in who may open the lesson.
#[server]
pub async fn get_practice_quiz(lesson_id: i64) -> Result<PracticeQuiz, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_signed_in().await?;
    quiz::attempts::practice(&state.db, &user, lesson_id).await
}
