//! Helpers for server functions to reach request-scoped context.

use super::state::AppState;
use crate::error::AppError;

/// The application state provided by the router; `Internal` if it is missing (a wiring bug).
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}
