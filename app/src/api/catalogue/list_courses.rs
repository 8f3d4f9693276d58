//! Search and filter the public catalogue.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{CataloguePage, CatalogueQuery};

/// One page of published courses for the given search, filters and order, with filter counts.
// JSON, not form encoding: a query with every field empty must still arrive.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn list_courses(query: CatalogueQuery) -> Result<CataloguePage, AppError> {
    use crate::server::{context::app_state, services::catalogue};
    let state = app_state()?;
    catalogue::list_courses(&state.db, &state.search, &query).await
}
