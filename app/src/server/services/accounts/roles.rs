//! Roles: promoting and demoting users, and creating admins from the command line.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, Set,
};

use super::fields::normalize_email;
use super::passwords::{check_password, hash_password_async};
use super::profile::store_password_hash;
use super::{active_user, find_by_email, signup};
use crate::error::AppError;
use crate::models::Role;
use crate::server::entities::user;
use crate::server::services::instructors::assign_slug;

/// Why the last admin cannot stop being one.
pub const LAST_ADMIN: &str = "Lectern needs at least one admin. Make someone else an admin first.";

/// How many non-deleted admins there are.
pub async fn admin_count(db: &impl ConnectionTrait) -> Result<u64, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Role.eq(user::ROLE_ADMIN))
        .filter(user::Column::DeletedAt.is_null())
        .count(db)
        .await?)
}

/// Gives `user_id` the role `role`. The caller checks that `actor_id` is an admin; this refuses
/// (`Conflict`) to demote the last admin, which also stops an admin from removing their own role
/// when nobody else could undo it. `NotFound` for missing or deleted users.
pub async fn set_role(
    db: &DatabaseConnection,
    actor_id: i64,
    user_id: i64,
    role: Role,
) -> Result<user::Model, AppError> {
    let user = active_user(db, user_id).await?;
    if user.role == role.as_str() {
        return Ok(user);
    }
    if user.role == user::ROLE_ADMIN && admin_count(db).await? <= 1 {
        return Err(AppError::Conflict(LAST_ADMIN.into()));
    }
    tracing::info!(actor_id, user_id, role = role.as_str(), "role changed");
    let mut active = user.into_active_model();
    active.role = Set(role.as_str().into());
    active.updated_at = Set(Utc::now());
    let user = active.update(db).await?;
    if role != Role::Learner {
        // Instructors and admins have a public profile; its address is given once, here.
        assign_slug(db, user.id).await?;
    }
    Ok(user)
}

/// For the command line: makes the account with `email` an admin, creating it when missing.
///
/// An existing account is promoted and, when `password` is given, gets that password (ending its
/// sessions). A new account needs a password and follows the sign-up rules; its display name
/// defaults to the part of the email before `@`.
pub async fn create_admin(
    db: &DatabaseConnection,
    email: &str,
    display_name: Option<&str>,
    password: Option<&str>,
) -> Result<user::Model, AppError> {
    let user = match find_by_email(db, email).await? {
        Some(existing) => {
            if let Some(password) = password {
                let inputs = [existing.email.as_str(), existing.display_name.as_str()];
                check_password("password", password, &inputs)?;
                let hash = hash_password_async(password).await?;
                store_password_hash(db, existing.id, hash).await?
            } else {
                existing
            }
        }
        None => {
            let password = password.ok_or_else(|| {
                AppError::field("password", "A new admin account needs a password.")
            })?;
            let normalized = normalize_email(email);
            let fallback = normalized.split('@').next().unwrap_or_default();
            signup(db, display_name.unwrap_or(fallback), email, password).await?
        }
    };
    let mut active = user.into_active_model();
    active.role = Set(user::ROLE_ADMIN.into());
    active.updated_at = Set(Utc::now());
    let user = active.update(db).await?;
    assign_slug(db, user.id).await?;
    Ok(user)
}

#[cfg(test)]
#[path = "roles_tests.rs"]
mod tests;
