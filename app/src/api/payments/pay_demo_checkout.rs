//! The demo checkout's Pay button: no card is charged.
use leptos::prelude::*;

use crate::error::AppError;

/// Pays the signed-in learner's demo checkout `session_id` (again is fine): a signed
/// `checkout.session.completed` event goes through the webhook's verification and fulfilment.
/// Returns the success page's path (a plain form post is redirected there). `NotFound` for
/// anyone else's checkout and whenever the demo checkout is not the payment provider.
#[server]
pub async fn pay_demo_checkout(session_id: String) -> Result<String, AppError> {
    use crate::server::{context, services::payments::demo};
    let session_id = super::session_id(&session_id)?.to_owned();
    let user = context::require_user().await?;
    let state = context::app_state()?;
    let next = demo::pay(
        &state.db,
        &state.payments,
        &user,
        &session_id,
        chrono::Utc::now(),
    )
    .await?;
    crate::api::account::redirect_form_post(&next);
    Ok(next)
}
