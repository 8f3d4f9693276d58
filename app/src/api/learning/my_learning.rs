//! The signed-in learner's enrolled courses.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::EnrolledCourse;

/// The signed-in learner's enrolled (published) courses with progress and where to continue,
/// most recently active first.
#[server]
pub async fn my_learning() -> Result<Vec<EnrolledCourse>, AppError> {
    use crate::server::{context, services::learning};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    learning::my_learning(&state.db, &user).await
}
