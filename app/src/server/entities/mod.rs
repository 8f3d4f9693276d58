//! sea-orm entities, one module per table. Never sent to the browser: map to `models` DTOs.

pub mod course;
pub mod lesson;
pub mod section;
pub mod user;
