//! One page of a course's question bank, filtered by tag and text.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::QuestionBank;

/// One page of a course's question bank, filtered by tag and text. Instructors of the course and admins.
#[server]
pub async fn list_questions(
    course_id: i64,
    tag: Option<String>,
    search: Option<String>,
    page: Option<u64>,
) -> Result<QuestionBank, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::bank::list(&state.db, &user, course_id, tag, search, page.unwrap_or(1)).await
}
