//! Who is signed in.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::UserSummary;

/// The signed-in user, or `None` for visitors.
#[server]
pub async fn get_current_user() -> Result<Option<UserSummary>, AppError> {
    use crate::server::{context::current_user, services::accounts};
    Ok(current_user().await?.as_ref().map(accounts::summary))
}
