//! Routed pages, one folder per area.

pub mod account;
pub mod admin;
pub mod checkout;
pub mod courses;
pub mod credentials;
pub mod home;
pub mod info;
pub mod instructors;
pub mod learning;
pub mod quiz;
pub mod teach;
