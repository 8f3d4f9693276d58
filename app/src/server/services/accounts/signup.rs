//! Creating an account and signing in with email and password.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use super::fields::{validate_display_name, validate_email};
use super::passwords::{hash_password_async, password_problem, verify_password_async};
use super::{email_taken, find_by_email, is_unique_violation, EMAIL_TAKEN};
use crate::error::{AppError, FieldErrors};
use crate::server::entities::user;

/// The one message for every failed sign-in, so it never reveals whether an email is known.
pub const BAD_CREDENTIALS: &str = "Email or password is incorrect.";

/// Creates a learner account. Every invalid field is reported at once (`display_name`, `email`,
/// `password`); an email already in use is an error on `email`.
pub async fn signup(
    db: &DatabaseConnection,
    display_name: &str,
    email: &str,
    password: &str,
) -> Result<user::Model, AppError> {
    let mut errors = FieldErrors::new();
    let name = validate_display_name(display_name)
        .map_err(|m| errors.insert("display_name".into(), m))
        .ok();
    let email = validate_email(email)
        .map_err(|m| errors.insert("email".into(), m))
        .ok();
    let inputs = [email.as_deref().unwrap_or_default(), display_name.trim()];
    if let Some(problem) = password_problem(password, &inputs) {
        errors.insert("password".into(), problem);
    }
    if let Some(email) = &email {
        if email_taken(db, email).await? {
            errors.insert("email".into(), EMAIL_TAKEN.into());
        }
    }
    let (Some(name), Some(email), true) = (name, email, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let hash = hash_password_async(password).await?;
    let now = Utc::now();
    user::ActiveModel {
        email: Set(email),
        display_name: Set(name),
        role: Set(user::ROLE_LEARNER.into()),
        bio: Set(String::new()),
        password_hash: Set(Some(hash)),
        auth_version: Set(0),
        deleted_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|err| {
        if is_unique_violation(&err) {
            AppError::field("email", EMAIL_TAKEN)
        } else {
            err.into()
        }
    })
}

/// The user with this email and password. Unknown emails, wrong passwords, deleted accounts and
/// accounts without a password all fail alike ([`BAD_CREDENTIALS`] on field `form`) and take the
/// same hashing time, so neither the answer nor its timing reveals which accounts exist.
pub async fn authenticate(
    db: &DatabaseConnection,
    email: &str,
    password: &str,
) -> Result<user::Model, AppError> {
    let user = find_by_email(db, email).await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.as_deref());
    let matches = verify_password_async(hash, password).await?;
    match user {
        Some(user) if matches => Ok(user),
        _ => Err(AppError::field("form", BAD_CREDENTIALS)),
    }
}

#[cfg(test)]
#[path = "signup_tests.rs"]
mod tests;
