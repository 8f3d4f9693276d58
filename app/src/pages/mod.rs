//! Routed pages, one folder per area.

pub mod courses;
pub mod home;
