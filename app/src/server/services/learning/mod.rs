//! The learning journey: enrolling, opening lessons, recording progress, "My learning" and the
//! instructor's course statistics.

pub mod merge;
pub mod validate;

#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod validate_tests;
