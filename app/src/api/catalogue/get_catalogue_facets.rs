//! Filter options for the catalogue.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CatalogueFacets;

/// Categories and levels with the number of published courses in each.
#[server]
pub async fn get_catalogue_facets() -> Result<CatalogueFacets, AppError> {
    use crate::server::{context::app_state, services::catalogue};
    let state = app_state()?;
    Ok(catalogue::facets(&state.db).await?)
}
