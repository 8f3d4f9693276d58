//! Signing up, signing in and resetting a password.

mod profile;
mod reset;
mod sign_in;
mod sign_up;

pub use profile::AccountPage;
pub use reset::{ResetPasswordPage, ResetRequestPage};
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;
