//! What "Download for offline" stores for one course.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseDownload;

/// The pages and files of course `slug` for the signed-in learner's offline download: the
/// course page, My learning, every lesson page and the images, attachments and uploaded videos
/// they use. Enrolled learners, the course's instructor and admins only (`Forbidden` for
/// others, `NotFound` for unknown courses and hidden drafts). A fixed address, because
/// `/offline.js` (not WASM) calls it.
#[server(endpoint = "offline_manifest")]
pub async fn offline_manifest(slug: String) -> Result<CourseDownload, AppError> {
    use crate::server::{context, services::learning};
    if slug.len() > 200 {
        return Err(AppError::NotFound);
    }
    let user = context::require_user().await?;
    let state = context::app_state()?;
    learning::offline::manifest(&state.db, &user, &slug).await
}
