//! Sign-up and sign-in tests.

use super::*;
use crate::server::services::accounts::test_support::{
    db, field_error, field_errors, learner, passwordless, PASSWORD,
};

#[tokio::test]
async fn signup_creates_a_learner_with_a_normalised_email() {
    let db = db().await;
    let user = signup(&db, "  Ada Lovelace ", " Ada@Example.ORG ", PASSWORD)
        .await
        .expect("signup");
    assert_eq!(user.email, "ada@example.org");
    assert_eq!(user.display_name, "Ada Lovelace");
    assert_eq!(user.role, "learner");
    assert_eq!(user.auth_version, 0);
    assert!(user.deleted_at.is_none());
    let hash = user.password_hash.expect("password stored");
    assert!(hash.starts_with("$argon2id$"), "only a hash is stored");
    assert!(!hash.contains(PASSWORD));
}

#[tokio::test]
async fn signup_reports_every_invalid_field_at_once() {
    let db = db().await;
    let errors = field_errors(signup(&db, "   ", "not-an-email", "password1").await);
    assert_eq!(errors["display_name"], "Enter a display name.");
    assert_eq!(
        errors["email"],
        "Enter a valid email address, like name@example.com."
    );
    assert!(errors["password"].starts_with("Use at least 10"));
    let weak = field_error(
        signup(&db, "Ada", "ada@example.org", "password1234").await,
        "password",
    );
    assert!(
        weak.starts_with("This password is too easy to guess."),
        "{weak}"
    );
}

#[tokio::test]
async fn signup_with_a_taken_email_fails_whatever_its_case() {
    let db = db().await;
    learner(&db, "Ada", "ada@example.org").await;
    let message = field_error(
        signup(&db, "Other Ada", "ADA@example.org ", PASSWORD).await,
        "email",
    );
    assert_eq!(message, "An account with this email already exists.");
    let seeded = passwordless(&db, "tess@example.org", "instructor").await;
    let message = field_error(signup(&db, "Tess", &seeded.email, PASSWORD).await, "email");
    assert_eq!(message, "An account with this email already exists.");
}

#[tokio::test]
async fn sign_in_accepts_the_right_password_with_any_email_case() {
    let db = db().await;
    let created = learner(&db, "Ada", "ada@example.org").await;
    let signed_in = authenticate(&db, "  ADA@example.org", PASSWORD)
        .await
        .expect("sign in");
    assert_eq!(signed_in.id, created.id);
}

#[tokio::test]
async fn every_failed_sign_in_looks_the_same() {
    let db = db().await;
    learner(&db, "Ada", "ada@example.org").await;
    let seeded = passwordless(&db, "tess@example.org", "instructor").await;
    let expected = AppError::field("form", "Email or password is incorrect.");
    let attempts = [
        ("ada@example.org", "Wrong-Lantern-Orbit-42"),
        ("ada@example.org", ""),
        ("nobody@example.org", PASSWORD),
        ("not even an email", PASSWORD),
        (seeded.email.as_str(), ""),
        (seeded.email.as_str(), PASSWORD),
    ];
    for (email, password) in attempts {
        assert_eq!(
            authenticate(&db, email, password).await,
            Err(expected.clone()),
            "{email} / {password:?}"
        );
    }
}

#[tokio::test]
async fn unknown_emails_cost_as_much_hashing_as_wrong_passwords() {
    let db = db().await;
    learner(&db, "Ada", "ada@example.org").await;
    // Warm the dummy hash so its one-off creation is not measured.
    let _ = authenticate(&db, "nobody@example.org", PASSWORD).await;
    let timed = |email: &'static str| {
        let db = db.clone();
        async move {
            let started = std::time::Instant::now();
            let _ = authenticate(&db, email, "Wrong-Lantern-Orbit-42").await;
            started.elapsed()
        }
    };
    let known = timed("ada@example.org").await;
    let unknown = timed("nobody@example.org").await;
    // Without the dummy hash an unknown email answers ~100× faster; allow for noisy machines.
    assert!(
        unknown * 3 >= known,
        "unknown email took {unknown:?}, wrong password {known:?}"
    );
}

#[tokio::test]
async fn duplicate_inserts_are_recognised_as_unique_violations() {
    use sea_orm::{ActiveModelTrait, Set};
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let duplicate = user::ActiveModel {
        email: Set(ada.email.clone()),
        display_name: Set("Race".into()),
        role: Set("learner".into()),
        bio: Set(String::new()),
        created_at: Set(ada.created_at),
        updated_at: Set(ada.created_at),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect_err("emails are unique");
    assert!(crate::server::services::accounts::is_unique_violation(
        &duplicate
    ));
}
