//! Business rules, one module per area. Services take a connection and plain arguments.

pub mod accounts;
pub mod authoring;
pub mod badges;
pub mod catalogue;
pub mod certificates;
pub mod courses;
pub mod home;
pub mod info_pages;
pub mod instructors;
pub mod jobs;
pub mod learning;
pub mod media;
pub mod pagination;
pub mod payments;
pub mod points;
pub mod quiz;
pub mod reviews;
pub mod search;
pub mod search_index;
