//! The local demo checkout page's content.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::DemoCheckout;

/// The signed-in learner's demo checkout `session_id`. `NotFound` for anyone else's, and
/// whenever the demo checkout is not the payment provider.
#[server]
pub async fn get_demo_checkout(session_id: String) -> Result<DemoCheckout, AppError> {
    use crate::server::{context, services::payments::demo};
    let session_id = super::session_id(&session_id)?.to_owned();
    let user = context::require_user().await?;
    let state = context::app_state()?;
    demo::page(&state.db, &state.payments, &user, &session_id).await
}
