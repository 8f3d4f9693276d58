//! Enrolls the signed-in learner in a free, published course.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseProgress;

/// Enrolls the signed-in learner in the free, published course `slug` (again is fine) and
/// returns their progress there. `NotFound` for drafts, `Conflict` for paid courses.
#[server]
pub async fn enroll(slug: String) -> Result<CourseProgress, AppError> {
    use crate::server::{context, services::learning};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    learning::announce::enroll(&state, &user, &slug).await
}
