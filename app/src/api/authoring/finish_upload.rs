//! Verifies an arrived upload (size, type by its bytes) and marks it ready.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::MediaInfo;

/// Verifies an arrived upload (size, type by its bytes) and marks it ready. Instructors and admins only.
#[server]
pub async fn finish_upload(media_id: i64) -> Result<MediaInfo, AppError> {
    use crate::server::services::media;
    let (state, user) = crate::server::context::require_instructor().await?;
    media::finish_upload(&state.db, &state.storage, &user, media_id).await
}
