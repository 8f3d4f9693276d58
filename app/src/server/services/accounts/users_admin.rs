//! The admin's user list: search, role filter and pagination.

use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use super::rfc3339;
use crate::error::AppError;
use crate::models::{AdminUserPage, AdminUserQuery, AdminUserRow};
use crate::server::entities::user;
use crate::server::services::{pagination, search};

/// Users per page of the admin list.
pub const PER_PAGE: u64 = 20;

/// One page of non-deleted users, ordered by email. Every word of `q` must appear in the email
/// or display name (case-insensitive, wildcards literal); `role` filters by role. Page 0 or a
/// missing page means page 1; a page past the end is empty but still reports the totals.
pub async fn list_users(
    db: &DatabaseConnection,
    query: &AdminUserQuery,
) -> Result<AdminUserPage, AppError> {
    let mut select = user::Entity::find().filter(user::Column::DeletedAt.is_null());
    if let Some(role) = query
        .role
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        select = select.filter(user::Column::Role.eq(role));
    }
    for term in search::terms(query.q.as_deref()) {
        select = select.filter(search::any_column_contains::<user::Entity>(
            &[user::Column::Email, user::Column::DisplayName],
            &term,
        ));
    }
    let paginator = select
        .order_by_asc(user::Column::Email)
        .order_by_asc(user::Column::Id)
        .paginate(db, PER_PAGE);
    let paged = pagination::fetch(paginator, query.page).await?;
    Ok(AdminUserPage {
        items: paged
            .rows
            .into_iter()
            .map(|u| AdminUserRow {
                id: u.id,
                has_password: u.password_hash.is_some(),
                created_at: rfc3339(u.created_at),
                email: u.email,
                display_name: u.display_name,
                role: u.role,
            })
            .collect(),
        page: paged.page,
        per_page: PER_PAGE,
        total: paged.total,
        total_pages: paged.total_pages,
    })
}

#[cfg(test)]
#[path = "users_admin_tests.rs"]
mod tests;
