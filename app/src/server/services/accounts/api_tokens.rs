//! Personal API tokens: bearer secrets for scripts and integrations.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use super::passwords::verify_password_async;
use super::tokens::{fingerprint, new_secret};
use super::{active_user, rfc3339};
use crate::error::AppError;
use crate::models::{ApiScope, ApiTokenInfo, CreatedApiToken};
use crate::server::entities::{api_token, user};

/// What every token secret starts with, so leaked tokens are easy to recognise and scan for.
pub const SECRET_PREFIX: &str = "lct_";
/// How many characters after [`SECRET_PREFIX`] are kept for display.
pub const DISPLAY_PREFIX_CHARS: usize = 8;
/// Most active (unrevoked) tokens one user may hold.
pub const MAX_ACTIVE_TOKENS: u64 = 20;
/// Longest token name, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// `last_used_at` is refreshed at most this often, sparing a write on every request.
const LAST_USED_GRANULARITY: Duration = Duration::minutes(1);

fn info(token: api_token::Model) -> ApiTokenInfo {
    ApiTokenInfo {
        id: token.id,
        name: token.name,
        prefix: token.prefix,
        scopes: ApiScope::parse_list(&token.scopes)
            .into_iter()
            .map(|s| s.key().to_owned())
            .collect(),
        created_at: rfc3339(token.created_at),
        last_used_at: token.last_used_at.map(rfc3339),
    }
}

fn active_tokens(user_id: i64) -> sea_orm::Select<api_token::Entity> {
    api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
}

/// Creates a token named `name` with every scope (see [`create_scoped`]).
pub async fn create(
    db: &DatabaseConnection,
    user_id: i64,
    name: &str,
) -> Result<CreatedApiToken, AppError> {
    create_scoped(db, user_id, name, &ApiScope::ALL).await
}

/// Creates a token named `name` (1–60 characters, field `name`) with `scopes` (at least one,
/// field `scopes`). The returned secret is shown once and never stored; `Conflict` when the
/// user already has 20 active tokens.
pub async fn create_scoped(
    db: &DatabaseConnection,
    user_id: i64,
    name: &str,
    scopes: &[ApiScope],
) -> Result<CreatedApiToken, AppError> {
    if scopes.is_empty() {
        return Err(AppError::field(
            "scopes",
            "Choose at least one thing the token may do.",
        ));
    }
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(AppError::field(
            "name",
            &format!("Name the token in 1 to {MAX_NAME_CHARS} characters."),
        ));
    }
    active_user(db, user_id).await?;
    if active_tokens(user_id).count(db).await? >= MAX_ACTIVE_TOKENS {
        return Err(AppError::Conflict(format!(
            "You already have {MAX_ACTIVE_TOKENS} tokens. Revoke one you no longer use first."
        )));
    }
    let body = new_secret()?;
    let secret = format!("{SECRET_PREFIX}{body}");
    let token = api_token::ActiveModel {
        user_id: Set(user_id),
        name: Set(name.into()),
        prefix: Set(body.chars().take(DISPLAY_PREFIX_CHARS).collect()),
        token_hash: Set(fingerprint(&secret)),
        scopes: Set(ApiScope::join(scopes)),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(CreatedApiToken {
        info: info(token),
        secret,
    })
}

/// The user's active tokens, newest first.
pub async fn list(db: &DatabaseConnection, user_id: i64) -> Result<Vec<ApiTokenInfo>, AppError> {
    Ok(active_tokens(user_id)
        .order_by_desc(api_token::Column::CreatedAt)
        .order_by_desc(api_token::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(info)
        .collect())
}

/// Revokes one of the user's active tokens; it stops authenticating at once. `NotFound` when
/// the token is not theirs or already revoked.
pub async fn revoke(db: &DatabaseConnection, user_id: i64, token_id: i64) -> Result<(), AppError> {
    let revoked = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(Some(Utc::now())))
        .filter(api_token::Column::Id.eq(token_id))
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if revoked.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Revokes every active token of the user: a password change or reset ends them all, as it
/// ends every session. Returns how many were revoked.
pub async fn revoke_all(db: &impl ConnectionTrait, user_id: i64) -> Result<u64, AppError> {
    let revoked = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(Some(Utc::now())))
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(revoked.rows_affected)
}

/// Creates a token as [`create`] does, after checking the user's password: a session alone
/// (a borrowed laptop, a stolen cookie) must not be able to mint a credential that outlives it.
pub async fn create_confirmed(
    db: &DatabaseConnection,
    user_id: i64,
    name: &str,
    password: &str,
    scopes: &[ApiScope],
) -> Result<CreatedApiToken, AppError> {
    let user = active_user(db, user_id).await?;
    if !verify_password_async(user.password_hash.as_deref(), password).await? {
        return Err(AppError::field(
            "password",
            "Enter your current password to create a token.",
        ));
    }
    create_scoped(db, user_id, name, scopes).await
}

/// The owner of an active token with this secret, if the account still exists, for server
/// functions and routes outside the REST API: those are Lectern's private wire and take only
/// tokens with every scope (`Forbidden` for a token limited to some).
pub async fn authenticate(
    db: &DatabaseConnection,
    secret: &str,
) -> Result<Option<user::Model>, AppError> {
    match authenticate_at(db, secret, Utc::now()).await? {
        Some((user, scopes)) if scopes.len() == ApiScope::ALL.len() => Ok(Some(user)),
        Some(_) => Err(AppError::Forbidden),
        None => Ok(None),
    }
}

/// The owner of an active token with this secret and the token's scopes, for the REST API.
pub async fn authenticate_scoped(
    db: &DatabaseConnection,
    secret: &str,
) -> Result<Option<(user::Model, Vec<ApiScope>)>, AppError> {
    authenticate_at(db, secret, Utc::now()).await
}

/// The owner of an active token with this secret and its scopes, as if the time were `now`.
pub async fn authenticate_at(
    db: &DatabaseConnection,
    secret: &str,
    now: DateTime<Utc>,
) -> Result<Option<(user::Model, Vec<ApiScope>)>, AppError> {
    let secret = secret.trim();
    if !secret.starts_with(SECRET_PREFIX) {
        return Ok(None);
    }
    let Some(token) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(fingerprint(secret)))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let user = match active_user(db, token.user_id).await {
        Err(AppError::NotFound) => return Ok(None),
        other => other?,
    };
    if token
        .last_used_at
        .is_none_or(|at| now - at >= LAST_USED_GRANULARITY)
    {
        api_token::Entity::update_many()
            .col_expr(api_token::Column::LastUsedAt, Expr::value(Some(now)))
            .filter(api_token::Column::Id.eq(token.id))
            .exec(db)
            .await?;
    }
    Ok(Some((user, ApiScope::parse_list(&token.scopes))))
}

#[cfg(test)]
#[path = "api_tokens_tests.rs"]
mod tests;
