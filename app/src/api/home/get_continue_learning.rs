//! "Continue learning" on the home page.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::instructor::ContinueLearning;

/// The last lesson the caller touched in an unfinished course. Public on purpose so the home
/// page can ask for everyone: visitors (and learners without progress) get `None`.
#[server]
pub async fn get_continue_learning() -> Result<Option<ContinueLearning>, AppError> {
    use crate::server::{context, services::home};
    let state = context::app_state()?;
    match context::current_user().await? {
        Some(user) => home::continue_learning(&state.db, &user).await,
        None => Ok(None),
    }
}
