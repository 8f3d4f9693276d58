//! Account deletion tests.

use super::*;
use crate::server::services::accounts::test_support::{db, field_error, learner, PASSWORD};
use crate::server::services::accounts::{api_tokens, applications, authenticate, reset, signup};

#[tokio::test]
async fn deletion_needs_the_password() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let message = field_error(delete_account(&db, ada.id, "nope").await, "password");
    assert_eq!(message, "Your password is incorrect.");
    authenticate(&db, "ada@example.org", PASSWORD)
        .await
        .expect("still there");
}

#[tokio::test]
async fn a_deleted_account_is_anonymised_and_cannot_sign_in() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    delete_account(&db, ada.id, PASSWORD).await.expect("delete");
    let row = user::Entity::find_by_id(ada.id)
        .one(&db)
        .await
        .expect("query")
        .expect("the row stays for learning records");
    assert_eq!(row.email, format!("deleted-{}@deleted.invalid", ada.id));
    assert_eq!(row.display_name, "Deleted user");
    assert_eq!((row.password_hash, row.bio.as_str()), (None, ""));
    assert!(row.deleted_at.is_some());
    assert_eq!(row.auth_version, ada.auth_version + 1);
    assert!(authenticate(&db, "ada@example.org", PASSWORD)
        .await
        .is_err());
    assert!(authenticate(&db, &row.email, PASSWORD).await.is_err());
    assert_eq!(
        delete_account(&db, ada.id, PASSWORD).await,
        Err(AppError::NotFound)
    );
}

#[tokio::test]
async fn the_email_of_a_deleted_account_is_free_again() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    delete_account(&db, ada.id, PASSWORD).await.expect("delete");
    let again = signup(&db, "Ada Again", "ada@example.org", PASSWORD)
        .await
        .expect("sign up again");
    assert_ne!(again.id, ada.id);
    let signed_in = authenticate(&db, "ada@example.org", PASSWORD)
        .await
        .expect("sign in");
    assert_eq!(signed_in.id, again.id);
}

#[tokio::test]
async fn deletion_revokes_tokens_reset_links_and_pending_applications() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let token = api_tokens::create(&db, ada.id, "ci").await.expect("token");
    let (_, link) = reset::request_reset(&db, "ada@example.org")
        .await
        .expect("request")
        .expect("known user");
    applications::apply(&db, ada.id, "I teach chemistry at night school.")
        .await
        .expect("apply");
    delete_account(&db, ada.id, PASSWORD).await.expect("delete");
    assert_eq!(api_tokens::authenticate(&db, &token.secret).await, Ok(None));
    assert!(reset::complete_reset(&db, &link, "Brand-New-Lantern-77")
        .await
        .is_err());
    assert!(applications::list_pending(&db)
        .await
        .expect("list")
        .is_empty());
}

#[tokio::test]
async fn the_last_admin_cannot_delete_their_account() {
    let db = db().await;
    let root = learner(&db, "Root", "root@example.org").await;
    let root = roles::set_role(&db, root.id, root.id, crate::models::Role::Admin)
        .await
        .expect("promote");
    assert_eq!(
        delete_account(&db, root.id, PASSWORD).await,
        Err(AppError::Conflict(roles::LAST_ADMIN.into()))
    );
}
