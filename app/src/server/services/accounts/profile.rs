//! Changes a signed-in user makes to their own account: display name, email and password.

use chrono::Utc;
use sea_orm::{
    sea_query::{Expr, ExprTrait as _},
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, Set,
};

use super::fields::{validate_display_name, validate_email};
use super::passwords::{hash_password_async, password_problem, verify_password_async};
use super::{active_user, email_taken, is_unique_violation, EMAIL_TAKEN};
use crate::error::{AppError, FieldErrors};
use crate::server::entities::user;

/// The message when the password confirming a change is wrong.
pub const WRONG_CURRENT_PASSWORD: &str = "Your current password is incorrect.";

/// Renames the user; errors on field `display_name`.
pub async fn change_display_name(
    db: &DatabaseConnection,
    user_id: i64,
    display_name: &str,
) -> Result<user::Model, AppError> {
    let name =
        validate_display_name(display_name).map_err(|m| AppError::field("display_name", &m))?;
    let mut user = active_user(db, user_id).await?.into_active_model();
    user.display_name = Set(name);
    user.updated_at = Set(Utc::now());
    Ok(user.update(db).await?)
}

/// Moves the account to another email, confirmed with the current password. Errors on
/// `current_password` and `email` (invalid, or used by another account), reported together.
pub async fn change_email(
    db: &DatabaseConnection,
    user_id: i64,
    current_password: &str,
    new_email: &str,
) -> Result<user::Model, AppError> {
    let user = active_user(db, user_id).await?;
    let mut errors = FieldErrors::new();
    let email = validate_email(new_email)
        .map_err(|m| errors.insert("email".into(), m))
        .ok();
    if let Some(email) = email.as_deref().filter(|e| *e != user.email) {
        if email_taken(db, email).await? {
            errors.insert("email".into(), EMAIL_TAKEN.into());
        }
    }
    if !verify_password_async(user.password_hash.as_deref(), current_password).await? {
        errors.insert("current_password".into(), WRONG_CURRENT_PASSWORD.into());
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let mut active = user.into_active_model();
    active.email = Set(email);
    active.updated_at = Set(Utc::now());
    active.update(db).await.map_err(|err| {
        if is_unique_violation(&err) {
            AppError::field("email", EMAIL_TAKEN)
        } else {
            err.into()
        }
    })
}

/// Sets a new password, confirmed with the current one, and bumps `auth_version` so every other
/// session ends. Returns the updated user: store its `auth_version` in the current session to keep
/// it. Errors on `current_password` and `new_password`, reported together.
pub async fn change_password(
    db: &DatabaseConnection,
    user_id: i64,
    current_password: &str,
    new_password: &str,
) -> Result<user::Model, AppError> {
    let user = active_user(db, user_id).await?;
    let mut errors = FieldErrors::new();
    if let Some(problem) = password_problem(
        new_password,
        &[user.email.as_str(), user.display_name.as_str()],
    ) {
        errors.insert("new_password".into(), problem);
    }
    if !verify_password_async(user.password_hash.as_deref(), current_password).await? {
        errors.insert("current_password".into(), WRONG_CURRENT_PASSWORD.into());
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let hash = hash_password_async(new_password).await?;
    store_password_hash(db, user.id, hash).await
}

/// Stores an already computed password hash, bumps `auth_version` (ending every session) and
/// revokes every API token; returns the updated user.
/// Hash before opening a transaction: hashing takes tens of milliseconds.
pub(crate) async fn store_password_hash(
    db: &impl ConnectionTrait,
    user_id: i64,
    hash: String,
) -> Result<user::Model, AppError> {
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(Some(hash)))
        .col_expr(user::Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(
            user::Column::AuthVersion,
            Expr::col(user::Column::AuthVersion).add(1),
        )
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    super::api_tokens::revoke_all(db, user_id).await?;
    active_user(db, user_id).await
}

#[cfg(test)]
#[path = "profile_tests.rs"]
mod tests;
