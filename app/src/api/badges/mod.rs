//! Badges: defining them and revoking awards (a course's instructor and admins; site-wide
//! badges admins only), a learner's own achievements and who may see them, and public
//! credential pages and checks (anyone).

mod learner;
mod public;
mod site;
mod teaching;

pub use learner::*;
pub use public::*;
pub use site::*;
pub use teaching::*;
