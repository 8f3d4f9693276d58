//! A purchase's printable receipt.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::Receipt;

/// The receipt of the signed-in learner's purchase `id`. `NotFound` for anyone else's.
#[server]
pub async fn get_receipt(id: i64) -> Result<Receipt, AppError> {
    use crate::server::{context, services::payments::purchases};
    let user = context::require_user().await?;
    let state = context::app_state()?;
    purchases::receipt(&state.db, &user, id).await
}
