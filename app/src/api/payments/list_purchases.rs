//! `/account/purchases`: what the learner bought.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::PurchaseRow;

/// The signed-in learner's purchases, newest first.
#[server]
pub async fn list_purchases() -> Result<Vec<PurchaseRow>, AppError> {
    use crate::server::{context, services::payments::purchases};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    purchases::list(&state.db, &user).await
}
