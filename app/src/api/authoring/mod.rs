//! Course authoring for instructors: dashboard, editors, curriculum, publishing, uploads.
//! Every function requires the instructor role and ownership of the course (or admin).

mod add_lesson;
mod add_section;
mod create_course;
mod delete_lesson;
mod delete_section;
mod finish_upload;
mod get_course_editor;
mod get_lesson_editor;
mod list_my_courses;
mod preview_markdown;
mod publish_course;
mod rename_section;
mod reorder_curriculum;
mod save_course;
mod save_lesson;
mod set_course_cover;
mod set_lesson_media;
mod start_upload;
mod unpublish_course;

pub use add_lesson::*;
pub use add_section::*;
pub use create_course::*;
pub use delete_lesson::*;
pub use delete_section::*;
pub use finish_upload::*;
pub use get_course_editor::*;
pub use get_lesson_editor::*;
pub use list_my_courses::*;
pub use preview_markdown::*;
pub use publish_course::*;
pub use rename_section::*;
pub use reorder_curriculum::*;
pub use save_course::*;
pub use save_lesson::*;
pub use set_course_cover::*;
pub use set_lesson_media::*;
pub use start_upload::*;
pub use unpublish_course::*;
