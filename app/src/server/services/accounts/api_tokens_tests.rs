//! API token tests.

use super::*;
use crate::server::services::accounts::test_support::{db, field_error, learner};

#[tokio::test]
async fn a_new_token_authenticates_its_owner() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let created = create(&db, ada.id, "  laptop script ")
        .await
        .expect("create");
    assert!(created.secret.starts_with("lct_"));
    assert_eq!(created.secret.len(), 4 + 43);
    assert_eq!(created.info.name, "laptop script");
    assert_eq!(created.info.prefix, created.secret[4..12]);
    assert_eq!(created.info.last_used_at, None);
    let owner = authenticate(&db, &created.secret).await.expect("auth");
    assert_eq!(owner.map(|u| u.id), Some(ada.id));
    let listed = list(&db, ada.id).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].last_used_at.is_some(), "use is recorded");
    let stored = api_token::Entity::find()
        .one(&db)
        .await
        .expect("row")
        .expect("row");
    assert_ne!(stored.token_hash, created.secret, "only a hash is stored");
}

#[tokio::test]
async fn unknown_and_malformed_secrets_authenticate_nobody() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let created = create(&db, ada.id, "ci").await.expect("create");
    let tampered = format!("{}x", created.secret);
    for secret in [
        "",
        "lct_",
        "Bearer nonsense",
        &created.secret[4..],
        &tampered,
    ] {
        assert_eq!(authenticate(&db, secret).await, Ok(None), "{secret:?}");
    }
}

#[tokio::test]
async fn a_revoked_token_no_longer_authenticates() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let created = create(&db, ada.id, "ci").await.expect("create");
    revoke(&db, ada.id, created.info.id).await.expect("revoke");
    assert_eq!(authenticate(&db, &created.secret).await, Ok(None));
    assert!(list(&db, ada.id).await.expect("list").is_empty());
    assert_eq!(
        revoke(&db, ada.id, created.info.id).await,
        Err(AppError::NotFound),
        "already revoked"
    );
}

#[tokio::test]
async fn nobody_can_revoke_or_see_anothers_token() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let bob = learner(&db, "Bob", "bob@example.org").await;
    let created = create(&db, ada.id, "ci").await.expect("create");
    assert_eq!(
        revoke(&db, bob.id, created.info.id).await,
        Err(AppError::NotFound)
    );
    assert!(list(&db, bob.id).await.expect("list").is_empty());
    assert!(authenticate(&db, &created.secret)
        .await
        .expect("auth")
        .is_some());
}

#[tokio::test]
async fn names_are_one_to_sixty_characters() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    for bad in ["", "   ", &"n".repeat(61)] {
        let message = field_error(create(&db, ada.id, bad).await, "name");
        assert_eq!(message, "Name the token in 1 to 60 characters.");
    }
    create(&db, ada.id, &"n".repeat(60))
        .await
        .expect("60 is fine");
}

#[tokio::test]
async fn at_most_twenty_active_tokens() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let mut first = None;
    for i in 0..MAX_ACTIVE_TOKENS {
        let created = create(&db, ada.id, &format!("token {i}"))
            .await
            .expect("create");
        first.get_or_insert(created.info.id);
    }
    assert!(matches!(
        create(&db, ada.id, "one more").await,
        Err(AppError::Conflict(_))
    ));
    revoke(&db, ada.id, first.expect("a token"))
        .await
        .expect("revoke");
    create(&db, ada.id, "one more").await.expect("room again");
    let names: Vec<String> = list(&db, ada.id)
        .await
        .expect("list")
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(names.len(), 20);
    assert_eq!(names[0], "one more", "newest first");
}

#[tokio::test]
async fn last_use_is_refreshed_at_most_once_a_minute() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let created = create(&db, ada.id, "ci").await.expect("create");
    // Whole seconds: Postgres keeps microseconds, so nanoseconds would not round-trip.
    let start = DateTime::from_timestamp(Utc::now().timestamp(), 0).expect("valid time");
    let last_used = |db: DatabaseConnection| async move {
        api_token::Entity::find()
            .one(&db)
            .await
            .expect("row")
            .expect("row")
            .last_used_at
    };
    authenticate_at(&db, &created.secret, start)
        .await
        .expect("auth");
    assert_eq!(last_used(db.clone()).await, Some(start));
    authenticate_at(&db, &created.secret, start + Duration::seconds(30))
        .await
        .expect("auth");
    assert_eq!(last_used(db.clone()).await, Some(start));
    let later = start + Duration::seconds(61);
    authenticate_at(&db, &created.secret, later)
        .await
        .expect("auth");
    assert_eq!(last_used(db.clone()).await, Some(later));
}

#[tokio::test]
async fn scopes_are_chosen_and_limit_tokens_to_the_rest_api() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    assert_eq!(
        create_scoped(&db, ada.id, "nothing", &[]).await,
        Err(AppError::field(
            "scopes",
            "Choose at least one thing the token may do."
        ))
    );
    let reader = create_scoped(&db, ada.id, "dashboard", &[ApiScope::Learn, ApiScope::Read])
        .await
        .expect("create");
    assert_eq!(
        reader.info.scopes,
        ["read", "learn"],
        "stored in a fixed order"
    );
    let (owner, scopes) = authenticate_scoped(&db, &reader.secret)
        .await
        .expect("auth")
        .expect("a user");
    assert_eq!(
        (owner.id, scopes),
        (ada.id, vec![ApiScope::Read, ApiScope::Learn])
    );
    assert_eq!(
        authenticate(&db, &reader.secret).await,
        Err(AppError::Forbidden),
        "a limited token is for the REST API only"
    );
    let full = create(&db, ada.id, "everything").await.expect("create");
    assert_eq!(full.info.scopes, ["read", "learn", "teach", "admin"]);
    assert_eq!(
        authenticate(&db, &full.secret)
            .await
            .expect("auth")
            .map(|u| u.id),
        Some(ada.id)
    );
}
