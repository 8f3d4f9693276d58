//! The success page's question: has my payment gone through?
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CheckoutStatus;

/// How the signed-in learner's checkout `session_id` stands, asking the payment provider and
/// fulfilling the purchase if its webhook has not arrived yet. `NotFound` for anyone else's.
#[server]
pub async fn confirm_checkout(session_id: String) -> Result<CheckoutStatus, AppError> {
    use crate::server::{context, services::payments::purchases};
    let session_id = super::session_id(&session_id)?.to_owned();
    let user = context::require_user().await?;
    let state = context::app_state()?;
    purchases::confirm(
        &state.db,
        &state.payments,
        &user,
        &session_id,
        chrono::Utc::now(),
    )
    .await
}
