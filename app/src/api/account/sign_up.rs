//! Create an account and sign in.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::UserSummary;

/// Creates a learner account and signs it in; field errors for bad or taken input.
///
/// `next` works as in [`super::sign_in()`]; without a safe one a new account lands on the
/// catalogue.
#[server]
pub async fn sign_up(
    display_name: String,
    email: String,
    password: String,
    #[server(default)] next: Option<String>,
) -> Result<UserSummary, AppError> {
    use crate::server::{context, services::accounts, session};
    super::limit_attempts("signup", None).await?;
    let state = context::app_state()?;
    let user = accounts::signup(&state.db, &display_name, &email, &password).await?;
    session::sign_in(&context::session().await?, &user).await?;
    tracing::info!(user_id = user.id, "account created");
    super::redirect_form_post(&crate::next_path::after_sign_up(next.as_deref()));
    Ok(accounts::summary(&user))
}
