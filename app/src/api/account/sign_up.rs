//! Create an account and sign in.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::UserSummary;

/// Creates a learner account and signs it in; field errors for bad or taken input.
#[server]
pub async fn sign_up(
    display_name: String,
    email: String,
    password: String,
) -> Result<UserSummary, AppError> {
    use crate::server::{context, services::accounts, session};
    super::limit_attempts("signup", None).await?;
    let state = context::app_state()?;
    let user = accounts::signup(&state.db, &display_name, &email, &password).await?;
    session::sign_in(&context::session().await?, &user).await?;
    tracing::info!(user_id = user.id, "account created");
    Ok(accounts::summary(&user))
}
