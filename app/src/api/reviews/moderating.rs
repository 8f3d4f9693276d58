//! Admins moderate reported reviews.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::ReportedReview;

/// Reviews with open reports, the most reported first (at most 100). Admins only.
#[server]
pub async fn list_reported_reviews() -> Result<Vec<ReportedReview>, AppError> {
    use crate::models::Role;
    use crate::server::{context, services::reviews::moderation};
    context::require_role(Role::Admin).await?;
    moderation::queue(&context::app_state()?.db).await
}

/// Hides review `review_id` for `reason` (3–500 characters, shown to its author); it leaves the
/// course's rating at once and its reports are settled. Admins only.
#[server]
pub async fn hide_review(review_id: i64, reason: String) -> Result<(), AppError> {
    use crate::models::Role;
    use crate::server::{context, services::reviews::moderation};
    if reason.len() > 4_000 {
        return Err(AppError::TooLarge);
    }
    let admin = context::require_role(Role::Admin).await?;
    let state = context::app_state()?;
    moderation::hide(&state.db, &admin, review_id, &reason, chrono::Utc::now()).await
}

/// Dismisses the open reports of review `review_id` (it stays). Admins only.
#[server]
pub async fn dismiss_reports(review_id: i64) -> Result<(), AppError> {
    use crate::models::Role;
    use crate::server::{context, services::reviews::moderation};
    let admin = context::require_role(Role::Admin).await?;
    let state = context::app_state()?;
    moderation::dismiss(&state.db, &admin, review_id, chrono::Utc::now()).await
}
