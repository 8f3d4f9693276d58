//! The signed-in instructor's courses, most recently edited first (admins: all).
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::AuthoredCourseRow;

/// The signed-in instructor's courses, most recently edited first (admins: all). Instructors and admins only.
#[server]
pub async fn list_my_courses() -> Result<Vec<AuthoredCourseRow>, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    authoring::courses::list_mine(&state.db, &user).await
}
