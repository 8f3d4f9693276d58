//! Delete your account.
use leptos::prelude::*;

use crate::error::AppError;

/// Deletes (anonymises) the caller's account after checking the password, and signs out.
#[server]
pub async fn delete_account(password: String) -> Result<(), AppError> {
    use crate::server::{context, services::accounts, session};
    let user = context::require_user().await?;
    super::super::account::limit_attempts("reauth", Some(&user.email)).await?;
    let state = context::app_state()?;
    accounts::delete::delete_account(&state.db, user.id, &password).await?;
    tracing::info!(user_id = user.id, "account deleted");
    state.progress.end_streams(user.id).await;
    session::sign_out(&context::session().await?).await
}
