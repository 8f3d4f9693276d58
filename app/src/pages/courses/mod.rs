//! The public catalogue, course pages and free-preview lessons.

mod catalogue;
mod complete;
mod course;
mod filters;
mod lesson;
mod review_form;
mod reviews;

pub use catalogue::CataloguePage;
pub use complete::{course_completed, CourseCompleteNotice};
pub use course::CoursePage;
pub use lesson::LessonPage;
