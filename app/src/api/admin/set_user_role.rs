//! Grant or revoke the instructor and admin roles.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::UserSummary;

/// Sets a user's role (`learner`, `instructor`, `admin`). Admins only; the last admin stays.
#[server]
pub async fn set_user_role(user_id: i64, role: String) -> Result<UserSummary, AppError> {
    use crate::models::Role;
    use crate::server::{context, services::accounts};
    let admin = context::require_role(Role::Admin).await?;
    let role = Role::parse(&role).ok_or_else(|| AppError::field("role", "Unknown role."))?;
    let state = context::app_state()?;
    let user = accounts::roles::set_role(&state.db, admin.id, user_id, role).await?;
    tracing::info!(
        admin_id = admin.id,
        user_id,
        role = role.as_str(),
        "role changed"
    );
    Ok(accounts::summary(&user))
}
