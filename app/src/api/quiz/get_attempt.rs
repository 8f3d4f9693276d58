//! The signed-in learner's attempt in progress, with saved answers (resume).
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::AttemptView;

/// The signed-in learner's attempt in progress, with saved answers (resume). `Conflict` once it has ended (an overdue attempt is submitted first). The attempt's owner only.
#[server]
pub async fn get_attempt(attempt_id: i64) -> Result<AttemptView, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_signed_in().await?;
    quiz::attempts::view(&state.db, &user, attempt_id).await
}
