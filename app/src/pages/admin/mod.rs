//! Admin pages.

mod applications;
mod purchases;
mod users;

pub use applications::AdminApplicationsPage;
pub use purchases::AdminPurchasesPage;
pub use users::AdminUsersPage;
