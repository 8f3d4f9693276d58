//! Your API tokens.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::ApiTokenInfo;

/// The caller's active API tokens (never their secrets).
#[server]
pub async fn list_api_tokens() -> Result<Vec<ApiTokenInfo>, AppError> {
    use crate::server::{context, services::accounts};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    accounts::api_tokens::list(&state.db, user.id).await
}
