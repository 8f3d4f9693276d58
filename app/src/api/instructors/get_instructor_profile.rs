//! An instructor's public profile.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::instructor::InstructorProfile;

/// The profile at `slug` with the instructor's published courses. Public by design: anyone may
/// read it. `NotFound` for unknown or malformed slugs (over 60 characters, not `a-z0-9-`),
/// learners and deleted accounts.
#[server]
pub async fn get_instructor_profile(slug: String) -> Result<InstructorProfile, AppError> {
    use crate::server::{context::app_state, services::instructors};
    let state = app_state()?;
    instructors::profile(&state.db, &slug).await
}
