//! Public catalogue server functions (no sign-in needed).

mod get_catalogue_facets;
mod get_course;
mod get_preview_lesson;
mod list_courses;
mod list_featured_courses;

pub use get_catalogue_facets::{get_catalogue_facets, GetCatalogueFacets};
pub use get_course::{get_course, GetCourse};
pub use get_preview_lesson::{get_preview_lesson, GetPreviewLesson};
pub use list_courses::{list_courses, ListCourses};
pub use list_featured_courses::{list_featured_courses, ListFeaturedCourses};
