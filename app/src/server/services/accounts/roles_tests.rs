//! Role change and admin creation tests.

use super::*;
use crate::server::services::accounts::authenticate;
use crate::server::services::accounts::test_support::{
    db, field_error, learner, OTHER_PASSWORD, PASSWORD,
};

#[tokio::test]
async fn admins_promote_and_demote_users() {
    let db = db().await;
    let root = create_admin(&db, "root@example.org", Some("Root"), Some(PASSWORD))
        .await
        .expect("admin");
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let promoted = set_role(&db, root.id, ada.id, Role::Instructor)
        .await
        .expect("promote");
    assert_eq!(promoted.role, "instructor");
    let demoted = set_role(&db, root.id, ada.id, Role::Learner)
        .await
        .expect("demote");
    assert_eq!(demoted.role, "learner");
    assert_eq!(
        set_role(&db, root.id, 9999, Role::Admin).await,
        Err(AppError::NotFound)
    );
}

#[tokio::test]
async fn the_last_admin_cannot_demote_themselves() {
    let db = db().await;
    let root = create_admin(&db, "root@example.org", None, Some(PASSWORD))
        .await
        .expect("admin");
    assert_eq!(
        set_role(&db, root.id, root.id, Role::Learner).await,
        Err(AppError::Conflict(LAST_ADMIN.into()))
    );
    let ada = learner(&db, "Ada", "ada@example.org").await;
    set_role(&db, root.id, ada.id, Role::Admin)
        .await
        .expect("a second admin");
    let stepped_down = set_role(&db, root.id, root.id, Role::Instructor)
        .await
        .expect("no longer the last admin");
    assert_eq!(stepped_down.role, "instructor");
    assert_eq!(
        set_role(&db, ada.id, ada.id, Role::Learner).await,
        Err(AppError::Conflict(LAST_ADMIN.into())),
        "now Ada is the last admin"
    );
}

#[tokio::test]
async fn create_admin_makes_a_new_account_that_can_sign_in() {
    let db = db().await;
    let root = create_admin(&db, " Root@Example.org", None, Some(PASSWORD))
        .await
        .expect("admin");
    assert_eq!(root.role, "admin");
    assert_eq!(root.display_name, "root");
    authenticate(&db, "root@example.org", PASSWORD)
        .await
        .expect("sign in");
    let message = field_error(
        create_admin(&db, "new@example.org", None, None).await,
        "password",
    );
    assert_eq!(message, "A new admin account needs a password.");
    let weak = field_error(
        create_admin(&db, "weak@example.org", None, Some("password")).await,
        "password",
    );
    assert!(weak.starts_with("Use at least 10"));
}

#[tokio::test]
async fn create_admin_promotes_an_existing_account() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let kept = create_admin(&db, "ada@example.org", Some("Ignored"), None)
        .await
        .expect("promote");
    assert_eq!((kept.id, kept.role.as_str()), (ada.id, "admin"));
    assert_eq!(kept.display_name, "Ada");
    authenticate(&db, "ada@example.org", PASSWORD)
        .await
        .expect("password unchanged");
    let reset = create_admin(&db, "ada@example.org", None, Some(OTHER_PASSWORD))
        .await
        .expect("set password");
    assert_eq!(reset.auth_version, ada.auth_version + 1);
    authenticate(&db, "ada@example.org", OTHER_PASSWORD)
        .await
        .expect("new password");
}
