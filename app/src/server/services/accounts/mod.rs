//! Accounts: sign-up and sign-in, profile changes, deletion, password resets, roles, the admin
//! user list, instructor applications and personal API tokens.
//!
//! Sessions are not handled here: callers store `user.id` and `user.auth_version` in the
//! session and end it when the stored version no longer matches the user's.

pub mod api_tokens;
pub mod applications;
pub mod delete;
pub mod fields;
pub mod passwords;
pub mod profile;
pub mod reset;
pub mod roles;
pub mod signup;
pub mod tokens;
pub mod users_admin;

#[cfg(test)]
mod schema_tests;
#[cfg(test)]
pub(crate) mod test_support;

use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, SqlErr};

use crate::error::AppError;
use crate::models::UserSummary;
use crate::server::entities::user;

pub use signup::{authenticate, signup};

/// The user with this id unless missing or deleted (`NotFound`).
pub async fn active_user(db: &impl ConnectionTrait, user_id: i64) -> Result<user::Model, AppError> {
    user::Entity::find_by_id(user_id)
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The non-deleted user with this email (normalised before the lookup), if any.
pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<user::Model>, AppError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(fields::normalize_email(email)))
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await?)
}

/// The DTO for showing the signed-in user.
pub fn summary(user: &user::Model) -> UserSummary {
    UserSummary {
        id: user.id,
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        role: user.role.clone(),
    }
}

/// Display names of the instructors of `courses`, by user id, in one query (missing users are
/// left out).
pub(crate) async fn instructor_names(
    db: &impl ConnectionTrait,
    courses: &[crate::server::entities::course::Model],
) -> Result<std::collections::HashMap<i64, String>, DbErr> {
    let ids = courses.iter().map(|c| c.instructor_id);
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

/// The message shown when an email belongs to another account.
pub(crate) const EMAIL_TAKEN: &str = "An account with this email already exists.";

/// True when any account (even another's) already uses this normalised email.
pub(crate) async fn email_taken(db: &impl ConnectionTrait, email: &str) -> Result<bool, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .is_some())
}

/// True when `err` is a unique-constraint violation (a concurrent insert won the race).
pub(crate) fn is_unique_violation(err: &DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// A timestamp as the RFC 3339 string the DTOs carry.
pub(crate) fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}
