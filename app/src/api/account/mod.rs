//! Sign-up, sign-in and sign-out, the current user, and password resets.

mod get_current_user;
mod request_password_reset;
mod reset_password;
mod sign_in;
mod sign_out;
mod sign_up;

pub use get_current_user::{get_current_user, GetCurrentUser};
pub use request_password_reset::{request_password_reset, RequestPasswordReset};
pub use reset_password::{reset_password, ResetPassword};
pub use sign_in::{sign_in, SignIn};
pub use sign_out::{sign_out, SignOut};
pub use sign_up::{sign_up, SignUp};

/// Attempts allowed per client address, and per account from one address, in
/// [`ATTEMPT_WINDOW_SECS`].
#[cfg(feature = "ssr")]
pub(crate) const ATTEMPT_LIMIT: u32 = 10;
/// Attempts allowed on one account from all addresses together in [`ATTEMPT_WINDOW_SECS`]:
/// high enough that no single attacker can lock its owner out (their own address runs out at
/// [`ATTEMPT_LIMIT`]), low enough to slow guessing spread over many addresses.
#[cfg(feature = "ssr")]
pub(crate) const ACCOUNT_WIDE_LIMIT: u32 = 100;
/// The window for [`ATTEMPT_LIMIT`]: 15 minutes.
#[cfg(feature = "ssr")]
pub(crate) const ATTEMPT_WINDOW_SECS: u64 = 15 * 60;
/// Reset emails sent to one account per hour; further requests are answered alike but send
/// nothing.
#[cfg(feature = "ssr")]
pub(crate) const RESET_MAILS_PER_HOUR: u32 = 3;

/// Counts one attempt against the client's address and, when given, the account: from this
/// address ([`ATTEMPT_LIMIT`]) and from everywhere ([`ACCOUNT_WIDE_LIMIT`]). Someone failing
/// on a victim's account from their own address locks only themselves out.
#[cfg(feature = "ssr")]
pub(crate) async fn limit_attempts(
    action: &str,
    account: Option<&str>,
) -> Result<(), crate::error::AppError> {
    use crate::server::context::{app_state, client_ip};
    let state = app_state()?;
    let window = std::time::Duration::from_secs(ATTEMPT_WINDOW_SECS);
    let ip = client_ip().await;
    state
        .limiter
        .hit(&format!("{action}:ip:{ip}"), ATTEMPT_LIMIT, window)
        .await?;
    if let Some(account) = account {
        let account = account.trim().to_lowercase();
        state
            .limiter
            .hit(
                &format!("{action}:acct-ip:{account}:{ip}"),
                ATTEMPT_LIMIT,
                window,
            )
            .await?;
        state
            .limiter
            .hit(
                &format!("{action}:acct:{account}"),
                ACCOUNT_WIDE_LIMIT,
                window,
            )
            .await?;
    }
    Ok(())
}

/// Redirects a plain form post (sent without JavaScript, so it asks for HTML) to `path`; a call
/// from the hydrated app is left alone: the page navigates itself once it has the answer.
#[cfg(feature = "ssr")]
pub(crate) fn redirect_form_post(path: &str) {
    let asks_for_html = leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(axum::http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false);
    if asks_for_html {
        leptos_axum::redirect(path);
    }
}

/// Whether another reset email may go to `account` this hour ([`RESET_MAILS_PER_HOUR`]).
#[cfg(feature = "ssr")]
pub(crate) async fn reset_mail_allowed(account: &str) -> Result<bool, crate::error::AppError> {
    use crate::error::AppError;
    let state = crate::server::context::app_state()?;
    let key = format!("reset:mail:{}", account.trim().to_lowercase());
    let hour = std::time::Duration::from_secs(60 * 60);
    match state.limiter.hit(&key, RESET_MAILS_PER_HOUR, hour).await {
        Ok(()) => Ok(true),
        Err(AppError::RateLimited { .. }) => Ok(false),
        Err(other) => Err(other),
    }
}
