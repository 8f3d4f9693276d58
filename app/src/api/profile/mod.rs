//! The signed-in user's own profile, password, account deletion, API tokens and teaching
//! application. Every function here acts only on the caller's own account.

mod apply_to_teach;
mod change_email;
mod change_password;
mod create_api_token;
mod delete_account;
mod list_api_tokens;
mod revoke_api_token;
mod update_display_name;

pub use apply_to_teach::{apply_to_teach, ApplyToTeach};
pub use change_email::{change_email, ChangeEmail};
pub use change_password::{change_password, ChangePassword};
pub use create_api_token::{create_api_token, CreateApiToken};
pub use delete_account::{delete_account, DeleteAccount};
pub use list_api_tokens::{list_api_tokens, ListApiTokens};
pub use revoke_api_token::{revoke_api_token, RevokeApiToken};
pub use update_display_name::{update_display_name, UpdateDisplayName};
