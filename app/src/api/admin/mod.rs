//! Admin-only server functions: the user list, roles and applications to teach.

mod decide_application;
mod list_applications;
mod list_users;
mod set_user_role;

pub use decide_application::{decide_application, DecideApplication};
pub use list_applications::{list_applications, ListApplications};
pub use list_users::{list_users, ListUsers};
pub use set_user_role::{set_user_role, SetUserRole};
