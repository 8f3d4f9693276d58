//! Public instructor profiles and the instructor's own bio. `get_instructor_profile` is open to
//! everyone on purpose (profiles are public); the bio functions need an instructor or admin.

mod get_instructor_profile;
mod get_my_bio;
mod update_bio;

pub use get_instructor_profile::*;
pub use get_my_bio::*;
pub use update_bio::*;
