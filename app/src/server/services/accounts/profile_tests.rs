//! Profile change tests: display name, email and password.

use super::*;
use crate::server::services::accounts::authenticate;
use crate::server::services::accounts::test_support::{
    db, field_error, field_errors, learner, passwordless, OTHER_PASSWORD, PASSWORD,
};

#[tokio::test]
async fn display_name_changes_are_trimmed_and_validated() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let renamed = change_display_name(&db, ada.id, "  Countess Lovelace ")
        .await
        .expect("rename");
    assert_eq!(renamed.display_name, "Countess Lovelace");
    let message = field_error(change_display_name(&db, ada.id, "  ").await, "display_name");
    assert_eq!(message, "Enter a display name.");
    assert_eq!(
        change_display_name(&db, 9999, "Ghost").await,
        Err(AppError::NotFound)
    );
}

#[tokio::test]
async fn email_changes_need_the_current_password() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let errors =
        field_errors(change_email(&db, ada.id, "wrong password!", "ada@new.example").await);
    assert_eq!(errors["current_password"], WRONG_CURRENT_PASSWORD);
    assert_eq!(errors.len(), 1);
    let moved = change_email(&db, ada.id, PASSWORD, " ADA@New.Example ")
        .await
        .expect("change email");
    assert_eq!(moved.email, "ada@new.example");
    authenticate(&db, "ada@new.example", PASSWORD)
        .await
        .expect("signs in with the new email");
    assert!(authenticate(&db, "ada@example.org", PASSWORD)
        .await
        .is_err());
}

#[tokio::test]
async fn email_changes_reject_invalid_and_taken_addresses() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    learner(&db, "Grace", "grace@example.org").await;
    let taken = field_error(
        change_email(&db, ada.id, PASSWORD, "Grace@example.org").await,
        "email",
    );
    assert_eq!(taken, "An account with this email already exists.");
    let errors = field_errors(change_email(&db, ada.id, "nope", "ada@").await);
    assert!(errors.contains_key("email") && errors.contains_key("current_password"));
    let same = change_email(&db, ada.id, PASSWORD, "ada@example.org")
        .await
        .expect("keeping one's own email is fine");
    assert_eq!(same.email, "ada@example.org");
}

#[tokio::test]
async fn password_change_ends_other_sessions_and_replaces_the_old_password() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let changed = change_password(&db, ada.id, PASSWORD, OTHER_PASSWORD)
        .await
        .expect("change password");
    assert_eq!(changed.auth_version, ada.auth_version + 1);
    assert!(authenticate(&db, "ada@example.org", PASSWORD)
        .await
        .is_err());
    authenticate(&db, "ada@example.org", OTHER_PASSWORD)
        .await
        .expect("new password works");
}

#[tokio::test]
async fn password_change_reports_a_wrong_current_password_and_a_weak_new_one() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let errors = field_errors(change_password(&db, ada.id, "guess", "qwertyuiop").await);
    assert_eq!(errors["current_password"], WRONG_CURRENT_PASSWORD);
    assert!(errors["new_password"].starts_with("This password is too easy to guess."));
    let unchanged = authenticate(&db, "ada@example.org", PASSWORD)
        .await
        .expect("old password still works");
    assert_eq!(unchanged.auth_version, ada.auth_version);
}

#[tokio::test]
async fn accounts_without_a_password_cannot_confirm_changes() {
    let db = db().await;
    let tess = passwordless(&db, "tess@example.org", "instructor").await;
    let message = field_error(
        change_password(&db, tess.id, "", OTHER_PASSWORD).await,
        "current_password",
    );
    assert_eq!(message, WRONG_CURRENT_PASSWORD);
}
