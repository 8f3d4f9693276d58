//! Sign in with email and password.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::UserSummary;

/// Signs in; a generic error for any wrong email or password; rate limited per address and account.
#[server]
pub async fn sign_in(email: String, password: String) -> Result<UserSummary, AppError> {
    use crate::server::{context, services::accounts, session};
    super::limit_attempts("signin", Some(&email)).await?;
    let state = context::app_state()?;
    let user = accounts::authenticate(&state.db, &email, &password).await?;
    session::sign_in(&context::session().await?, &user).await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(accounts::summary(&user))
}
