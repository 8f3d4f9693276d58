//! Choose a new password from a reset link.
use leptos::prelude::*;

use crate::error::AppError;

/// Sets a new password with a reset token; every session of the user ends.
#[server]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::server::{context, services::accounts};
    super::limit_attempts("reset-complete", None).await?;
    let state = context::app_state()?;
    let user = accounts::reset::complete_reset(&state.db, &token, &password).await?;
    tracing::info!(user_id = user.id, "password reset");
    state.progress.end_streams(user.id).await;
    Ok(())
}
