//! Ends the signed-in learner's enrollment in a course; their progress is kept.
use leptos::prelude::*;

use crate::error::AppError;

/// Ends the signed-in learner's enrollment in course `slug` (not enrolled is fine). Their
/// progress is kept and comes back if they enroll again.
#[server]
pub async fn unenroll(slug: String) -> Result<(), AppError> {
    use crate::server::{context, services::learning};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    learning::announce::unenroll(&state, &user, &slug).await?;
    Ok(())
}
