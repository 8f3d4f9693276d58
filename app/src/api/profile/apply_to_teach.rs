//! Apply to become an instructor.
use leptos::prelude::*;

use crate::error::AppError;

/// Files the caller's application to teach (one pending at a time); an admin decides.
#[server]
pub async fn apply_to_teach(motivation: String) -> Result<(), AppError> {
    use crate::server::{context, services::accounts};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    accounts::applications::apply(&state.db, user.id, &motivation).await?;
    Ok(())
}
