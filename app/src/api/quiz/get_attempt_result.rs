//! A submitted attempt's results, with feedback as the quiz's rule allows.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::AttemptResult;

/// A submitted attempt's results, with feedback as the quiz's rule allows. Its owner, or the course's instructors and admins (always with feedback).
#[server]
pub async fn get_attempt_result(attempt_id: i64) -> Result<AttemptResult, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_signed_in().await?;
    quiz::results::result(&state.db, &user, attempt_id).await
}
