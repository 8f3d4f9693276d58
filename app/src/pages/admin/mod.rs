//! Admin pages.

mod applications;
mod users;

pub use applications::AdminApplicationsPage;
pub use users::AdminUsersPage;
