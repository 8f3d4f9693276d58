//! Makes a finished image upload the course's cover; returns its URL.
use leptos::prelude::*;

use crate::error::AppError;

/// Makes a finished image upload the course's cover; returns its URL. Instructors and admins only.
#[server]
pub async fn set_course_cover(course_id: i64, media_id: i64) -> Result<String, AppError> {
    use crate::server::services::media;
    let (state, user) = crate::server::context::require_instructor().await?;
    media::set_cover(&state.db, &user, course_id, media_id).await
}
