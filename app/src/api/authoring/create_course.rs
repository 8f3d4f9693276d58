//! Creates a draft course with a generated unique web address; returns its id.
use leptos::prelude::*;

use crate::error::AppError;

/// Creates a draft course with a generated unique web address; returns its id. Instructors and admins only.
#[server]
pub async fn create_course(
    title: String,
    category: String,
    level: String,
) -> Result<i64, AppError> {
    use crate::server::services::authoring;
    let (state, user) = crate::server::context::require_instructor().await?;
    let id = authoring::courses::create(&state.db, &user, &title, &category, &level).await?;
    tracing::info!(user_id = user.id, course_id = id, "course created");
    Ok(id)
}
