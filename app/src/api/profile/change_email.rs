//! Change your email address.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::UserSummary;

/// Sets the caller's email after checking their current password.
#[server]
pub async fn change_email(
    current_password: String,
    email: String,
) -> Result<UserSummary, AppError> {
    use crate::server::{context, services::accounts};
    let user = context::require_user().await?;
    super::super::account::limit_attempts("reauth", Some(&user.email)).await?;
    let state = context::app_state()?;
    let user =
        accounts::profile::change_email(&state.db, user.id, &current_password, &email).await?;
    Ok(accounts::summary(&user))
}
