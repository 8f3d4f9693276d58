//! Instructor application tests.

use super::*;
use crate::server::services::accounts::test_support::{db, field_error, learner, passwordless};

const WHY: &str = "I have taught Rust workshops for three years.";

#[tokio::test]
async fn motivation_must_be_ten_to_two_thousand_characters() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    for bad in ["", "   too short ", &"x".repeat(2001)] {
        let message = field_error(apply(&db, ada.id, bad).await, "motivation");
        assert!(message.contains("10 to 2000"), "{message}");
    }
    apply(&db, ada.id, &"x".repeat(2000))
        .await
        .expect("2000 is fine");
}

#[tokio::test]
async fn one_pending_application_per_learner() {
    let db = db().await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let filed = apply(&db, ada.id, WHY).await.expect("apply");
    assert_eq!(filed.status, "pending");
    assert_eq!(
        pending_application(&db, ada.id)
            .await
            .expect("query")
            .map(|a| a.id),
        Some(filed.id)
    );
    assert_eq!(
        apply(&db, ada.id, WHY).await,
        Err(AppError::Conflict(ALREADY_PENDING.into()))
    );
}

#[tokio::test]
async fn instructors_and_admins_need_not_apply() {
    let db = db().await;
    for role in ["instructor", "admin"] {
        let user = passwordless(&db, &format!("{role}@example.org"), role).await;
        assert!(matches!(
            apply(&db, user.id, WHY).await,
            Err(AppError::Conflict(_))
        ));
    }
}

#[tokio::test]
async fn approval_makes_the_applicant_an_instructor() {
    let db = db().await;
    let root = passwordless(&db, "root@example.org", "admin").await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let filed = apply(&db, ada.id, WHY).await.expect("apply");
    let pending = list_pending(&db).await.expect("list");
    assert_eq!(pending.len(), 1);
    assert_eq!(
        (pending[0].display_name.as_str(), pending[0].email.as_str()),
        ("Ada", "ada@example.org")
    );
    assert_eq!(pending[0].motivation, WHY);
    let decided = approve(&db, root.id, filed.id).await.expect("approve");
    assert_eq!(decided.status, "approved");
    assert_eq!(decided.decided_by, Some(root.id));
    assert!(decided.decided_at.is_some());
    let ada = crate::server::services::accounts::active_user(&db, ada.id)
        .await
        .expect("user");
    assert_eq!(ada.role, "instructor");
    assert!(list_pending(&db).await.expect("list").is_empty());
    assert!(matches!(
        reject(&db, root.id, filed.id).await,
        Err(AppError::Conflict(_))
    ));
}

#[tokio::test]
async fn rejection_keeps_the_role_and_allows_a_new_application() {
    let db = db().await;
    let root = passwordless(&db, "root@example.org", "admin").await;
    let ada = learner(&db, "Ada", "ada@example.org").await;
    let filed = apply(&db, ada.id, WHY).await.expect("apply");
    let decided = reject(&db, root.id, filed.id).await.expect("reject");
    assert_eq!(decided.status, "rejected");
    let ada_now = crate::server::services::accounts::active_user(&db, ada.id)
        .await
        .expect("user");
    assert_eq!(ada_now.role, "learner");
    apply(&db, ada.id, WHY).await.expect("may apply again");
    assert_eq!(approve(&db, root.id, 9999).await, Err(AppError::NotFound));
}
