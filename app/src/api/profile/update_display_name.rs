//! Change your display name.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::UserSummary;

/// Sets the caller's display name (1–100 characters).
#[server]
pub async fn update_display_name(display_name: String) -> Result<UserSummary, AppError> {
    use crate::server::{context, services::accounts};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    let user = accounts::profile::change_display_name(&state.db, user.id, &display_name).await?;
    Ok(accounts::summary(&user))
}
