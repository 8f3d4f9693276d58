//! Password reset tests.

use super::*;
use crate::server::services::accounts::test_support::{
    db, field_error, learner, passwordless, PASSWORD,
};
use crate::server::services::accounts::{authenticate, tokens::fingerprint};

const NEW_PASSWORD: &str = "Brand-New-Lantern-77";

async fn link_for(db: &DatabaseConnection, email: &str) -> String {
    request_reset(db, email)
        .await
        .expect("request")
        .expect("known user")
        .1
}

#[tokio::test]
async fn unknown_emails_get_no_link() {
    let db = db().await;
    assert_eq!(request_reset(&db, "nobody@example.org").await, Ok(None));
}

#[tokio::test]
async fn only_a_hash_of_the_secret_is_stored() {
    let db = db().await;
    learner(&db, "Ada", "ada@example.org").await;
    let secret = link_for(&db, " ADA@example.org").await;
    assert_eq!(secret.len(), 43, "32 random bytes, URL-safe base64");
    let rows = password_reset::Entity::find().all(&db).await.expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].token_hash, fingerprint(&secret));
    assert_ne!(rows[0].token_hash, secret);
}

#[tokio::test]
async fn a_reset_sets_the_password_and_ends_sessions() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let secret = link_for(&db, "ada@example.org").await;
    let user = complete_reset(&db, &secret, NEW_PASSWORD)
        .await
        .expect("reset");
    assert_eq!(user.auth_version, ada.auth_version + 1);
    assert!(authenticate(&db, "ada@example.org", PASSWORD)
        .await
        .is_err());
    authenticate(&db, "ada@example.org", NEW_PASSWORD)
        .await
        .expect("new password works");
}

#[tokio::test]
async fn a_link_works_once_and_spends_the_others() {
    let db = db().await;
    learner(&db, "Ada", "ada@example.org").await;
    let first = link_for(&db, "ada@example.org").await;
    let second = link_for(&db, "ada@example.org").await;
    complete_reset(&db, &second, NEW_PASSWORD)
        .await
        .expect("reset");
    for spent in [&second, &first] {
        let message = field_error(complete_reset(&db, spent, PASSWORD).await, "token");
        assert_eq!(message, INVALID_LINK);
    }
    authenticate(&db, "ada@example.org", NEW_PASSWORD)
        .await
        .expect("the used links changed nothing");
}

#[tokio::test]
async fn a_link_expires_after_an_hour() {
    let db = db().await;
    learner(&db, "Ada", "ada@example.org").await;
    let issued = Utc::now();
    let (_, secret) = request_reset_at(&db, "ada@example.org", issued)
        .await
        .expect("request")
        .expect("known user");
    let late = issued + RESET_TTL + Duration::seconds(1);
    let message = field_error(
        complete_reset_at(&db, &secret, NEW_PASSWORD, late).await,
        "token",
    );
    assert_eq!(message, INVALID_LINK);
    let in_time = issued + RESET_TTL - Duration::seconds(1);
    complete_reset_at(&db, &secret, NEW_PASSWORD, in_time)
        .await
        .expect("still valid just before the hour");
}

#[tokio::test]
async fn made_up_links_are_invalid() {
    let db = db().await;
    learner(&db, "Ada", "ada@example.org").await;
    for secret in ["", "abc", &"A".repeat(43)] {
        let message = field_error(complete_reset(&db, secret, NEW_PASSWORD).await, "token");
        assert_eq!(message, INVALID_LINK);
    }
}

#[tokio::test]
async fn a_weak_new_password_keeps_the_link_usable() {
    let db = db().await;
    learner(&db, "Ada", "ada@example.org").await;
    let secret = link_for(&db, "ada@example.org").await;
    let message = field_error(complete_reset(&db, &secret, "password1").await, "password");
    assert!(message.starts_with("Use at least 10"), "{message}");
    complete_reset(&db, &secret, NEW_PASSWORD)
        .await
        .expect("the link was not spent");
}

#[tokio::test]
async fn accounts_without_a_password_can_set_one_by_reset() {
    let db = db().await;
    let tess = passwordless(&db, "tess@example.org", "instructor").await;
    let secret = link_for(&db, "tess@example.org").await;
    complete_reset(&db, &secret, NEW_PASSWORD)
        .await
        .expect("reset");
    let signed_in = authenticate(&db, "tess@example.org", NEW_PASSWORD)
        .await
        .expect("sign in");
    assert_eq!(
        (signed_in.id, signed_in.role.as_str()),
        (tess.id, "instructor")
    );
}
