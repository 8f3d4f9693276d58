//! The signed-in learner's progress in one course.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseProgress;

/// The signed-in learner's progress in course `slug`; `None` when they are not enrolled.
#[server]
pub async fn get_course_progress(slug: String) -> Result<Option<CourseProgress>, AppError> {
    use crate::server::{context, services::learning};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    learning::progress_for_slug(&state.db, &user, &slug).await
}
