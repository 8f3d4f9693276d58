//! "Was this helpful?" and "Report" on other people's reviews.
use leptos::prelude::*;

use crate::error::AppError;

/// Marks review `review_id` helpful for the signed-in person, once (again does nothing);
/// returns its helpful count. `Conflict` on one's own review.
#[server]
pub async fn mark_helpful(review_id: i64) -> Result<i64, AppError> {
    use crate::server::{context, services::reviews::votes};
    let (state, user) = context::require_signed_in().await?;
    super::limit(&state, "vote", user.id, super::VOTES_PER_HOUR).await?;
    votes::helpful(&state.db, &user, review_id, chrono::Utc::now()).await
}

/// Reports review `review_id` to the moderators with `reason` (3–500 characters), once per
/// person. `Conflict` on one's own review.
#[server]
pub async fn report_review(review_id: i64, reason: String) -> Result<(), AppError> {
    use crate::server::{context, services::reviews::votes};
    if reason.len() > 4_000 {
        return Err(AppError::TooLarge);
    }
    let (state, user) = context::require_signed_in().await?;
    super::limit(&state, "report", user.id, super::VOTES_PER_HOUR).await?;
    votes::report(&state.db, &user, review_id, &reason, chrono::Utc::now()).await
}
