//! Admin pages.

mod applications;
mod purchases;
mod reviews;
mod users;

pub use applications::AdminApplicationsPage;
pub use purchases::AdminPurchasesPage;
pub use reviews::AdminReviewsPage;
pub use users::AdminUsersPage;
