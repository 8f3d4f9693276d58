//! The shared application state handed to routes and server functions.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

/// Everything a request may need: Leptos options and the database pool.
#[derive(Clone)]
pub struct AppState {
    /// Leptos site options (site root, output name, address).
    pub leptos_options: LeptosOptions,
    /// The database pool (SQLite or Postgres).
    pub db: DatabaseConnection,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
