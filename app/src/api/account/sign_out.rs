//! Sign out.
use leptos::prelude::*;

use crate::error::AppError;

/// Ends the session (deleting it from the store). Signing out twice is not an error.
#[server]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::server::{context, session};
    let user = context::current_user().await?;
    session::sign_out(&context::session().await?).await?;
    if let Some(user) = user {
        context::app_state()?.progress.end_streams(user.id).await;
    }
    Ok(())
}
