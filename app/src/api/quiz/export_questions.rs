//! Exports a course's bank (or one tag of it) as GIFT text.
use leptos::prelude::*;

use crate::error::AppError;

/// Exports a course's bank (or one tag of it) as GIFT text. Instructors of the course and admins.
#[server]
pub async fn export_questions(course_id: i64, tag: Option<String>) -> Result<String, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::import::export_gift(&state.db, &user, course_id, tag).await
}
