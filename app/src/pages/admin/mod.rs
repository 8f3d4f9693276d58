//! Admin pages.

mod applications;
mod badges;
mod purchases;
mod reviews;
mod users;

pub use applications::AdminApplicationsPage;
pub use badges::AdminBadgesPage;
pub use purchases::AdminPurchasesPage;
pub use reviews::AdminReviewsPage;
pub use users::AdminUsersPage;
