//! Change your password.
use leptos::prelude::*;

use crate::error::AppError;

/// Sets a new password after checking the current one; every other session of the user ends,
/// this one stays signed in.
#[server]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::server::{context, services::accounts, session};
    let user = context::require_user().await?;
    super::super::account::limit_attempts("reauth", Some(&user.email)).await?;
    let state = context::app_state()?;
    let user =
        accounts::profile::change_password(&state.db, user.id, &current_password, &new_password)
            .await?;
    session::refresh(&context::session().await?, &user).await?;
    state.progress.end_streams(user.id).await;
    Ok(())
}
