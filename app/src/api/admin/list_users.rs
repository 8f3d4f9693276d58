//! The admin user list.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{AdminUserPage, AdminUserQuery};

/// Users matching a search and role filter, 20 per page. Admins only.
// JSON, not form encoding: a query with every field empty must still arrive.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn list_users(query: AdminUserQuery) -> Result<AdminUserPage, AppError> {
    use crate::models::Role;
    use crate::server::{context, services::accounts};
    context::require_role(Role::Admin).await?;
    let state = context::app_state()?;
    accounts::users_admin::list_users(&state.db, &query).await
}
