//! Submits an attempt: grades it on the server; a pass completes the lesson.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::AttemptResult;

/// Submits an attempt: grades it on the server; a pass completes the lesson. The attempt's owner only.
#[server]
pub async fn submit_attempt(attempt_id: i64) -> Result<AttemptResult, AppError> {
    use crate::server::services::quiz;
    let (state, user) = crate::server::context::require_signed_in().await?;
    let (result, progress) = quiz::attempts::submit(&state.db, &user, attempt_id).await?;
    if let Some(progress) = progress {
        state.progress.publish(user.id, progress).await;
    }
    state
        .leaderboards
        .touch(&state.db, user.id, chrono::Utc::now())
        .await;
    Ok(result)
}
