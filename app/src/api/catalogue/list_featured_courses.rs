//! Featured courses for the home page.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CourseSummary;

/// Up to eight published courses flagged as featured.
#[server]
pub async fn list_featured_courses() -> Result<Vec<CourseSummary>, AppError> {
    use crate::server::{context::app_state, services::catalogue};
    let state = app_state()?;
    Ok(catalogue::featured_courses(&state.db, 8).await?)
}
