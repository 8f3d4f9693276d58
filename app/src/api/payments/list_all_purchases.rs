//! Admins' list of every purchase and dispute.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::AdminPurchasePage;

/// One page (1-based; 50 a page) of every purchase, newest first, with buyers, refund
/// reasons and disputes. Admins only.
#[server]
pub async fn list_all_purchases(page: Option<u64>) -> Result<AdminPurchasePage, AppError> {
    use crate::models::Role;
    use crate::server::{context, services::payments::purchases};
    context::require_role(Role::Admin).await?;
    let state = context::app_state()?;
    purchases::admin_list(&state.db, page).await
}
