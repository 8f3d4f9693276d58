//! Announces an upload (`image`, `video`, `attachment`) and says where to send the bytes.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::UploadTicket;

/// Announces an upload (`image`, `video`, `attachment`) and says where to send the bytes. Instructors and admins only.
#[server]
pub async fn start_upload(
    course_id: i64,
    kind: String,
    filename: String,
    size_bytes: u64,
) -> Result<UploadTicket, AppError> {
    use crate::server::services::media;
    let (state, user) = crate::server::context::require_instructor().await?;
    media::create_upload(
        &state.db,
        &state.storage,
        &user,
        course_id,
        &kind,
        &filename,
        size_bytes,
    )
    .await
}
