//! Shared fixtures for the account service tests: a fresh in-memory database and users.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use crate::error::{AppError, FieldErrors};
use crate::server::entities::user;
pub use crate::server::test_db::db;

/// A password the policy accepts.
pub const PASSWORD: &str = "Quiet-Lantern-Orbit-42";
/// Another password the policy accepts.
pub const OTHER_PASSWORD: &str = "Maple syrup tastes of autumn 7";

/// A learner who signed up with `email` and [`PASSWORD`].
pub async fn learner(db: &DatabaseConnection, name: &str, email: &str) -> user::Model {
    super::signup(db, name, email, PASSWORD)
        .await
        .expect("signup")
}

/// A user inserted directly with `role` and no password, like a seeded instructor.
pub async fn passwordless(db: &DatabaseConnection, email: &str, role: &str) -> user::Model {
    named(db, "Seeded Person", email, role).await
}

/// A passwordless user with `name` and `role`, bio "Teaches things.".
pub async fn named(db: &DatabaseConnection, name: &str, email: &str, role: &str) -> user::Model {
    let now = Utc::now();
    user::ActiveModel {
        email: Set(email.into()),
        display_name: Set(name.into()),
        role: Set(role.into()),
        bio: Set("Teaches things.".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert user")
}

/// The field errors of a validation failure; panics on any other outcome.
pub fn field_errors<T: std::fmt::Debug>(result: Result<T, AppError>) -> FieldErrors {
    match result {
        Err(AppError::Validation(errors)) => errors,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// The message for `field` in a validation failure; panics when there is none.
pub fn field_error<T: std::fmt::Debug>(result: Result<T, AppError>, field: &str) -> String {
    let errors = field_errors(result);
    errors
        .get(field)
        .cloned()
        .unwrap_or_else(|| panic!("no error on {field}: {errors:?}"))
}
