//! Ask for a password reset link.
use leptos::prelude::*;

use crate::error::AppError;

/// Emails a single-use reset link if the address has an account, at most three an hour. The
/// answer is the same either way, so the form never reveals which emails exist, and a flood of
/// requests never floods the inbox.
#[server]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::server::{context, services::accounts};
    super::limit_attempts("reset", Some(&email)).await?;
    if !super::reset_mail_allowed(&email).await? {
        tracing::info!("reset email not sent: this account's hourly limit is reached");
        return Ok(());
    }
    let state = context::app_state()?;
    if let Some((user, secret)) = accounts::reset::request_reset(&state.db, &email).await? {
        let link = format!(
            "{}/account/reset/{secret}",
            state.settings.public_url.trim_end_matches('/')
        );
        let body = format!(
            "Hello {},\n\nSomeone (hopefully you) asked to reset your Lectern password.\n\
             Open this link within one hour to choose a new one:\n\n{link}\n\n\
             If you did not ask, ignore this email: your password stays the same.\n",
            user.display_name
        );
        // Queued, not sent here: a slow or failing mail server neither delays nor fails the
        // answer, which must look the same whether or not the email has an account.
        crate::server::services::jobs::enqueue_mail(
            &state.db,
            &user.email,
            "Reset your Lectern password",
            &body,
        )
        .await?;
    }
    Ok(())
}
