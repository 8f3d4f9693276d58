//! Signing up, signing in and resetting a password.

mod profile;
mod purchases;
mod reset;
mod sign_in;
mod sign_up;

pub use profile::AccountPage;
pub use purchases::{PurchasesPage, ReceiptPage};
pub use reset::{ResetPasswordPage, ResetRequestPage};
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;
