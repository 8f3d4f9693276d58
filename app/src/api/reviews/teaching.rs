//! What instructors read of their courses' reviews.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::NewReview;

/// The newest visible reviews of the caller's courses (every course for admins), newest first,
/// at most 10. Instructors and admins.
#[server]
pub async fn list_new_reviews() -> Result<Vec<NewReview>, AppError> {
    use crate::server::{context, services::reviews::teach};
    let (state, user) = context::require_instructor().await?;
    teach::new_reviews(&state.db, &user).await
}
