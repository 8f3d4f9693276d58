//! A course's whole gradebook as CSV text.
use leptos::prelude::*;

use crate::error::AppError;

/// A course's whole gradebook as CSV text. Instructors of the course and admins.
#[server]
pub async fn export_gradebook(course_id: i64) -> Result<String, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::gradebook::csv(&state.db, &user, course_id).await
}
