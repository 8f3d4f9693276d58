//! A page of a course's gradebook: enrolled learners × graded quizzes.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::Gradebook;

/// A page of a course's gradebook: enrolled learners × graded quizzes. Instructors of the course and admins.
#[server]
pub async fn get_gradebook(course_id: i64, page: Option<u64>) -> Result<Gradebook, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::gradebook::gradebook(&state.db, &user, course_id, page.unwrap_or(1)).await
}
