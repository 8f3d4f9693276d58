//! A course's enrollment, completion and drop-off numbers for its instructor.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseStats;

/// Statistics of course `course_id`: enrollments per day (90 days), completion rate and
/// per-lesson started/completed counts. Its instructor and admins only.
#[server]
pub async fn get_course_stats(course_id: i64) -> Result<CourseStats, AppError> {
    use crate::models::Role;
    use crate::server::{context, services::learning};
    let user = context::require_role(Role::Instructor).await?;
    let state = context::app_state()?;
    learning::course_stats(&state.db, &user, course_id, chrono::Utc::now()).await
}
