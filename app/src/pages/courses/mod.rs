//! The public catalogue, course pages and free-preview lessons.

mod catalogue;
mod course;
mod filters;
mod lesson;

pub use catalogue::CataloguePage;
pub use course::CoursePage;
pub use lesson::LessonPage;
