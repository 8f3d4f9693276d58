//! Deletes a bank question; `Conflict` while a quiz names it as a fixed item.
use leptos::prelude::*;

use crate::error::AppError;

/// Deletes a bank question; `Conflict` while a quiz names it as a fixed item. Instructors of the course and admins.
#[server]
pub async fn delete_question(question_id: i64) -> Result<(), AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_instructor().await?;
    quiz::bank::delete(&state.db, &user, question_id).await
}
