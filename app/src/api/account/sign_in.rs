//! Sign in with email and password.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::UserSummary;

/// Signs in; a generic error for any wrong email or password; rate limited per address and account.
///
/// `next` is where the visitor came from; it is followed only when it is a path on this site
/// (see [`crate::next_path::safe_next`]). A plain form post (no JavaScript) is answered with a
/// redirect there, or to the landing page for the account's role; the hydrated page navigates
/// itself with the same rule.
#[server]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] next: Option<String>,
) -> Result<UserSummary, AppError> {
    use crate::server::{context, services::accounts, session};
    super::limit_attempts("signin", Some(&email)).await?;
    let state = context::app_state()?;
    let user = accounts::authenticate(&state.db, &email, &password).await?;
    session::sign_in(&context::session().await?, &user).await?;
    tracing::info!(user_id = user.id, "signed in");
    super::redirect_form_post(&crate::next_path::after_sign_in(
        next.as_deref(),
        &user.role,
    ));
    Ok(accounts::summary(&user))
}
