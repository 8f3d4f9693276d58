//! A course's rating and reviews.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::ReviewPage;

/// Page `page` (10 a page) of the published course `slug`'s reviews, `sort` `newest` (the
/// default) or `helpful`, with the rating summary, the viewer's own review and whether they
/// may write one. Anyone may read.
#[server]
pub async fn get_reviews(
    slug: String,
    sort: Option<String>,
    page: Option<u64>,
) -> Result<ReviewPage, AppError> {
    use crate::server::{context, services::reviews::read};
    if slug.len() > 200 {
        return Err(AppError::NotFound);
    }
    let state = context::app_state()?;
    let viewer = context::current_user().await?;
    let sort = sort.unwrap_or_default();
    read::page(&state.db, viewer.as_ref(), &slug, &sort, page).await
}
