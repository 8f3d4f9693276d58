//! Admin-only server functions: the user list and roles.

mod list_users;
mod set_user_role;

pub use list_users::{list_users, ListUsers};
pub use set_user_role::{set_user_role, SetUserRole};
