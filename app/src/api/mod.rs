//! Server functions, one per file, grouped by area. Each is thin: who is asking, validate,
//! call a service, return a DTO.

pub mod account;
pub mod admin;
pub mod authoring;
pub mod badges;
pub mod catalogue;
pub mod certificates;
pub mod home;
pub mod instructors;
pub mod learning;
pub mod payments;
pub mod points;
pub mod profile;
pub mod quiz;
pub mod reviews;
