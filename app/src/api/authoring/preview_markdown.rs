//! The editors' live preview: markdown rendered on the server by the code that renders it for
//! learners, so the browser bundle carries no markdown renderer or sanitizer.
use leptos::prelude::*;

use crate::error::AppError;

/// Previews one user may render per minute: one per pause in typing, in a few editors at once.
#[cfg(feature = "ssr")]
pub const PREVIEWS_PER_MINUTE: u32 = 300;

/// `source` rendered as learners will see it (sanitized HTML). Refused (`TooLarge`) past the
/// longest text an editor saves (200 KB). Instructors and admins only.
#[server]
pub async fn preview_markdown(source: String) -> Result<String, AppError> {
    use crate::server::services::authoring::validate::MAX_MARKDOWN_BYTES;
    let (state, user) = crate::server::context::require_instructor().await?;
    if source.len() > MAX_MARKDOWN_BYTES {
        return Err(AppError::TooLarge);
    }
    state
        .limiter
        .hit(
            &format!("preview:user:{}", user.id),
            PREVIEWS_PER_MINUTE,
            std::time::Duration::from_secs(60),
        )
        .await?;
    Ok(crate::markdown::render(&source))
}
