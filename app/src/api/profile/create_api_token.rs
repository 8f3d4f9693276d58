//! Create an API token.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CreatedApiToken;

/// Creates a personal API token after checking the user's password; its secret is shown once,
/// in this answer only.
#[server]
pub async fn create_api_token(name: String, password: String) -> Result<CreatedApiToken, AppError> {
    use crate::server::{context, services::accounts};
    let user = context::require_user().await?;
    super::super::account::limit_attempts("reauth", Some(&user.email)).await?;
    let state = context::app_state()?;
    accounts::api_tokens::create_confirmed(&state.db, user.id, &name, &password).await
}
