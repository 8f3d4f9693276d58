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

/// Attempts allowed per client address and per account in [`ATTEMPT_WINDOW_SECS`].
#[cfg(feature = "ssr")]
pub(crate) const ATTEMPT_LIMIT: u32 = 10;
/// The window for [`ATTEMPT_LIMIT`]: 15 minutes.
#[cfg(feature = "ssr")]
pub(crate) const ATTEMPT_WINDOW_SECS: u64 = 15 * 60;

/// Counts one attempt against the client's address and (when given) the account.
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
            .hit(&format!("{action}:acct:{account}"), ATTEMPT_LIMIT, window)
            .await?;
    }
    Ok(())
}
