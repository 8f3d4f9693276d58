//! Revoke an API token.
use leptos::prelude::*;

use crate::error::AppError;

/// Revokes one of the caller's tokens; `NotFound` for anyone else's.
#[server]
pub async fn revoke_api_token(token_id: i64) -> Result<(), AppError> {
    use crate::server::{context, services::accounts};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    accounts::api_tokens::revoke(&state.db, user.id, token_id).await
}
