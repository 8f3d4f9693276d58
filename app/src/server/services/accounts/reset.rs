//! Password reset by emailed link: a single-use secret valid for one hour.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set, TransactionTrait,
};

use super::passwords::check_password;
use super::passwords::hash_password_async;
use super::profile::store_password_hash;
use super::tokens::{fingerprint, new_secret};
use super::{active_user, find_by_email};
use crate::error::AppError;
use crate::server::entities::{password_reset, user};

/// How long a reset link stays valid.
pub const RESET_TTL: Duration = Duration::hours(1);
/// The one message for a link that is unknown, used, expired or for a deleted account.
pub const INVALID_LINK: &str = "This reset link is invalid or has expired.";

/// Starts a reset for the account with this email: returns the user and the secret to email them
/// (put it in the link), or `None` when no such account exists. Answer the person the same way in
/// both cases, so the form does not reveal which emails have accounts.
pub async fn request_reset(
    db: &DatabaseConnection,
    email: &str,
) -> Result<Option<(user::Model, String)>, AppError> {
    request_reset_at(db, email, Utc::now()).await
}

/// [`request_reset`] as if the time were `now`.
pub async fn request_reset_at(
    db: &DatabaseConnection,
    email: &str,
    now: DateTime<Utc>,
) -> Result<Option<(user::Model, String)>, AppError> {
    let Some(user) = find_by_email(db, email).await? else {
        return Ok(None);
    };
    let secret = new_secret()?;
    password_reset::ActiveModel {
        user_id: Set(user.id),
        token_hash: Set(fingerprint(&secret)),
        expires_at: Set(now + RESET_TTL),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Some((user, secret)))
}

/// Spends a reset secret to set a new password. The link must be known, unused, unexpired and
/// for an existing account ([`INVALID_LINK`] on field `token` otherwise); the password must meet
/// the policy (field `password`). On success the user's other reset links are deleted and
/// `auth_version` is bumped, ending every session. Returns the updated user.
pub async fn complete_reset(
    db: &DatabaseConnection,
    secret: &str,
    new_password: &str,
) -> Result<user::Model, AppError> {
    complete_reset_at(db, secret, new_password, Utc::now()).await
}

/// [`complete_reset`] as if the time were `now`.
pub async fn complete_reset_at(
    db: &DatabaseConnection,
    secret: &str,
    new_password: &str,
    now: DateTime<Utc>,
) -> Result<user::Model, AppError> {
    let invalid = || AppError::field("token", INVALID_LINK);
    let token = password_reset::Entity::find()
        .filter(password_reset::Column::TokenHash.eq(fingerprint(secret.trim())))
        .one(db)
        .await?
        .filter(|t| t.used_at.is_none() && t.expires_at > now)
        .ok_or_else(invalid)?;
    let user = match active_user(db, token.user_id).await {
        Err(AppError::NotFound) => return Err(invalid()),
        other => other?,
    };
    check_password(
        "password",
        new_password,
        &[user.email.as_str(), user.display_name.as_str()],
    )?;
    let hash = hash_password_async(new_password).await?;
    let txn = db.begin().await?;
    // Claim the token with a conditional update so two concurrent uses cannot both succeed.
    let claimed = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(Some(now)))
        .filter(password_reset::Column::Id.eq(token.id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Err(invalid());
    }
    password_reset::Entity::delete_many()
        .filter(password_reset::Column::UserId.eq(user.id))
        .filter(password_reset::Column::Id.ne(token.id))
        .exec(&txn)
        .await?;
    let user = store_password_hash(&txn, user.id, hash).await?;
    txn.commit().await?;
    Ok(user)
}

#[cfg(test)]
#[path = "reset_tests.rs"]
mod tests;
