//! Writing, editing and deleting one's own review.
use leptos::prelude::*;

use crate::error::AppError;

/// Posts the signed-in learner's review of course `slug`: `rating` 1–5 and optional `text`
/// (10–5,000 characters). Field errors for bad input; `Conflict` saying what to do first when
/// they are not enrolled or have not opened a lesson, or when they already reviewed it.
#[server]
pub async fn submit_review(slug: String, rating: i64, text: String) -> Result<(), AppError> {
    use crate::server::{context, services::reviews::write};
    if slug.len() > 200 || text.len() > 40_000 {
        return Err(AppError::TooLarge);
    }
    let (state, user) = context::require_signed_in().await?;
    super::limit(&state, "write", user.id, super::WRITES_PER_HOUR).await?;
    write::submit(&state.db, &user, &slug, rating, &text, chrono::Utc::now()).await?;
    Ok(())
}

/// Changes the signed-in learner's review of course `slug` (it then says "edited"), while
/// they are enrolled. `NotFound` when they have none.
#[server]
pub async fn edit_review(slug: String, rating: i64, text: String) -> Result<(), AppError> {
    use crate::server::{context, services::reviews::write};
    if slug.len() > 200 || text.len() > 40_000 {
        return Err(AppError::TooLarge);
    }
    let (state, user) = context::require_signed_in().await?;
    super::limit(&state, "write", user.id, super::WRITES_PER_HOUR).await?;
    write::edit(&state.db, &user, &slug, rating, &text, chrono::Utc::now()).await
}

/// Sets the reply of the instructor of review `review_id`'s course (or an admin) to `text`
/// (1–5,000 characters); replying again edits it. `Forbidden` for other instructors.
#[server]
pub async fn reply_to_review(review_id: i64, text: String) -> Result<(), AppError> {
    use crate::server::{context, services::reviews::reply};
    if text.len() > 40_000 {
        return Err(AppError::TooLarge);
    }
    let (state, user) = context::require_instructor().await?;
    super::limit(&state, "write", user.id, super::WRITES_PER_HOUR).await?;
    reply::reply(&state.db, &user, review_id, &text, chrono::Utc::now()).await
}

/// Deletes the signed-in learner's review of course `slug`. `NotFound` when they have none.
#[server]
pub async fn delete_review(slug: String) -> Result<(), AppError> {
    use crate::server::{context, services::reviews::write};
    if slug.len() > 200 {
        return Err(AppError::NotFound);
    }
    let (state, user) = context::require_signed_in().await?;
    write::delete(&state.db, &user, &slug, chrono::Utc::now()).await
}
