//! Admins refund a purchase in full.
use leptos::prelude::*;

use crate::error::AppError;

/// Refunds purchase `id` in full through the payment provider, for `reason` (1 to 200
/// characters, kept with the purchase); the learner loses access to the course's lessons and
/// keeps their progress. Admins only. `Conflict` when already refunded.
#[server]
pub async fn refund_purchase(id: i64, reason: String) -> Result<(), AppError> {
    use crate::models::Role;
    use crate::server::{context, services::payments::purchases};
    let admin = context::require_role(Role::Admin).await?;
    let state = context::app_state()?;
    purchases::refund(&state.db, &state.payments, id, &reason, chrono::Utc::now()).await?;
    tracing::info!(admin_id = admin.id, purchase_id = id, "refund requested");
    Ok(())
}
