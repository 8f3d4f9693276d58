//! The home page's extras and the footer's information pages. All are public on purpose:
//! `get_continue_learning` answers `None` to visitors rather than refusing them.

mod get_category_counts;
mod get_continue_learning;
mod get_info_page;

pub use get_category_counts::*;
pub use get_continue_learning::*;
pub use get_info_page::*;
