//! Deleting an account: the person's data is anonymised, their learning records stay intact.

use chrono::Utc;
use sea_orm::{
    sea_query::{Expr, ExprTrait as _},
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::passwords::verify_password_async;
use super::{active_user, roles};
use crate::error::AppError;
use crate::server::entities::{
    api_token, badge_award, instructor_application as application, password_reset, user,
};

/// The display name every deleted account shows.
pub const DELETED_NAME: &str = "Deleted user";

/// The placeholder email of a deleted account; `.invalid` can never receive mail.
pub fn deleted_email(user_id: i64) -> String {
    format!("deleted-{user_id}@deleted.invalid")
}

/// Deletes the user's account after checking their password (error on field `password`).
///
/// The row stays, so records that point at the user are never orphaned, but everything personal
/// goes: email and name are replaced (also on badges awarded), password and bio cleared. API tokens are revoked, reset
/// links deleted, a pending instructor application withdrawn and `auth_version` bumped, so every
/// session ends. The old email becomes free for a new account. The last admin cannot leave
/// (`Conflict`): promote someone else first.
pub async fn delete_account(
    db: &DatabaseConnection,
    user_id: i64,
    password: &str,
) -> Result<(), AppError> {
    let user = active_user(db, user_id).await?;
    if !verify_password_async(user.password_hash.as_deref(), password).await? {
        return Err(AppError::field("password", "Your password is incorrect."));
    }
    if user.role == user::ROLE_ADMIN && roles::admin_count(db).await? <= 1 {
        return Err(AppError::Conflict(roles::LAST_ADMIN.into()));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    user::Entity::update_many()
        .col_expr(user::Column::Email, Expr::value(deleted_email(user_id)))
        .col_expr(user::Column::DisplayName, Expr::value(DELETED_NAME))
        .col_expr(user::Column::Bio, Expr::value(""))
        .col_expr(
            user::Column::PasswordHash,
            Expr::value(Option::<String>::None),
        )
        .col_expr(user::Column::DeletedAt, Expr::value(Some(now)))
        .col_expr(user::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            user::Column::AuthVersion,
            Expr::col(user::Column::AuthVersion).add(1),
        )
        .filter(user::Column::Id.eq(user_id))
        .exec(&txn)
        .await?;
    api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(Some(now)))
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    password_reset::Entity::delete_many()
        .filter(password_reset::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    application::Entity::update_many()
        .col_expr(
            application::Column::Status,
            Expr::value(application::STATUS_WITHDRAWN),
        )
        .col_expr(application::Column::DecidedAt, Expr::value(Some(now)))
        .filter(application::Column::UserId.eq(user_id))
        .filter(application::Column::Status.eq(application::STATUS_PENDING))
        .exec(&txn)
        .await?;
    // Badges stay awarded (a learning record), but no longer name the person, and their
    // credential pages answer "not found" to everyone (`badges::credential::may_view`).
    badge_award::Entity::update_many()
        .col_expr(badge_award::Column::LearnerName, Expr::value(DELETED_NAME))
        .filter(badge_award::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
#[path = "delete_tests.rs"]
mod tests;
