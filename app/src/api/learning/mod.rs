//! The learning journey: enrolling, lesson pages, recording progress, My learning, and course
//! statistics for instructors. Learner functions need a signed-in user; `get_lesson_page` is
//! open to everyone under the lesson access rule (`services::learning`).

mod enroll;
mod get_course_progress;
mod get_course_stats;
mod get_lesson_page;
mod my_learning;
mod offline_manifest;
mod record_progress;
mod unenroll;

pub use enroll::*;
pub use get_course_progress::*;
pub use get_course_stats::*;
pub use get_lesson_page::*;
pub use my_learning::*;
pub use offline_manifest::*;
pub use record_progress::*;
pub use unenroll::*;
