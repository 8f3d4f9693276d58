//! Pending applications to teach.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::InstructorApplicationRow;

/// Applications waiting for a decision, oldest first. Admins only.
#[server]
pub async fn list_applications() -> Result<Vec<InstructorApplicationRow>, AppError> {
    use crate::models::Role;
    use crate::server::{context, services::accounts};
    context::require_role(Role::Admin).await?;
    let state = context::app_state()?;
    accounts::applications::list_pending(&state.db).await
}
