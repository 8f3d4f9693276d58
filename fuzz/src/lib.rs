//! Shared checks for Lectern's fuzz targets (see `fuzz/README.md`).

pub mod build;
pub mod html;
pub mod import;
