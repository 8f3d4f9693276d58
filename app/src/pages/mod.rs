//! Routed pages, one folder per area.

pub mod account;
pub mod admin;
pub mod courses;
pub mod home;
pub mod learning;
pub mod quiz;
pub mod teach;
