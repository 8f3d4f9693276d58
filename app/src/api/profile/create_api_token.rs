//! Create an API token.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CreatedApiToken;

/// Creates a personal API token after checking the user's password; its secret is shown once,
/// in this answer only. `scope_read`, `scope_learn`, `scope_teach` and `scope_admin` are
/// checkboxes (present, with any value, when ticked): at least one (field `scopes`).
#[server]
pub async fn create_api_token(
    name: String,
    password: String,
    #[server(default)] scope_read: Option<String>,
    #[server(default)] scope_learn: Option<String>,
    #[server(default)] scope_teach: Option<String>,
    #[server(default)] scope_admin: Option<String>,
) -> Result<CreatedApiToken, AppError> {
    use crate::models::ApiScope;
    use crate::server::{context, services::accounts};
    if name.len() > 1_000 || password.len() > 1_000 {
        return Err(AppError::TooLarge);
    }
    let user = context::require_user().await?;
    super::super::account::limit_attempts("reauth", Some(&user.email)).await?;
    let state = context::app_state()?;
    let scopes: Vec<ApiScope> = [
        (ApiScope::Read, &scope_read),
        (ApiScope::Learn, &scope_learn),
        (ApiScope::Teach, &scope_teach),
        (ApiScope::Admin, &scope_admin),
    ]
    .into_iter()
    .filter(|(_, ticked)| ticked.is_some())
    .map(|(scope, _)| scope)
    .collect();
    accounts::api_tokens::create_confirmed(&state.db, user.id, &name, &password, &scopes).await
}
