//! Category tiles with course counts.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::instructor::CategoryCount;

/// Every category with its number of published courses. Public: it reveals nothing a visitor
/// could not count in the catalogue.
#[server]
pub async fn get_category_counts() -> Result<Vec<CategoryCount>, AppError> {
    use crate::server::{context::app_state, services::home};
    let state = app_state()?;
    home::category_counts(&state.db).await
}
