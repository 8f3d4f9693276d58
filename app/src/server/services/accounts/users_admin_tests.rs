//! Admin user list tests.

use super::*;
use crate::server::services::accounts::delete::delete_account;
use crate::server::services::accounts::signup;
use crate::server::services::accounts::test_support::{db, passwordless, PASSWORD};

fn query(q: Option<&str>, role: Option<&str>, page: Option<u64>) -> AdminUserQuery {
    AdminUserQuery {
        q: q.map(Into::into),
        role: role.map(Into::into),
        page,
    }
}

fn emails(page: &AdminUserPage) -> Vec<&str> {
    page.items.iter().map(|u| u.email.as_str()).collect()
}

/// Users inserted without hashing, so a page-sized fixture stays fast.
async fn many(db: &DatabaseConnection, n: usize) {
    for i in 0..n {
        passwordless(db, &format!("user{i:02}@example.org"), "learner").await;
    }
}

#[tokio::test]
async fn pages_hold_twenty_users_with_catalogue_page_rules() {
    let db = db().await;
    many(&db, 25).await;
    for page in [None, Some(0), Some(1)] {
        let first = list_users(&db, &query(None, None, page))
            .await
            .expect("list");
        assert_eq!((first.page, first.items.len()), (1, 20));
        assert_eq!((first.total, first.total_pages), (25, 2));
        assert_eq!(first.items[0].email, "user00@example.org");
    }
    let last = list_users(&db, &query(None, None, Some(2)))
        .await
        .expect("list");
    assert_eq!(emails(&last).last(), Some(&"user24@example.org"));
    assert_eq!(last.items.len(), 5);
    let past = list_users(&db, &query(None, None, Some(7)))
        .await
        .expect("list");
    assert!(past.items.is_empty());
    assert_eq!((past.page, past.total, past.total_pages), (7, 25, 2));
}

#[tokio::test]
async fn search_matches_email_or_name_case_insensitively_and_literally() {
    let db = db().await;
    signup(&db, "Ada Lovelace", "countess@example.org", PASSWORD)
        .await
        .expect("signup");
    passwordless(&db, "grace_hopper@navy.example", "instructor").await;
    passwordless(&db, "gracexhopper@navy.example", "learner").await;
    let by_name = list_users(&db, &query(Some("LOVELACE"), None, None))
        .await
        .expect("list");
    assert_eq!(emails(&by_name), vec!["countess@example.org"]);
    let by_email = list_users(&db, &query(Some("Countess"), None, None))
        .await
        .expect("list");
    assert_eq!(by_email.total, 1);
    let underscore = list_users(&db, &query(Some("grace_"), None, None))
        .await
        .expect("list");
    assert_eq!(emails(&underscore), vec!["grace_hopper@navy.example"]);
    let percent = list_users(&db, &query(Some("%"), None, None))
        .await
        .expect("list");
    assert_eq!(percent.total, 0);
}

#[tokio::test]
async fn role_filter_and_deleted_users() {
    let db = db().await;
    passwordless(&db, "tess@example.org", "instructor").await;
    let ada = signup(&db, "Ada", "ada@example.org", PASSWORD)
        .await
        .expect("signup");
    signup(&db, "Bob", "bob@example.org", PASSWORD)
        .await
        .expect("signup");
    let teachers = list_users(&db, &query(None, Some("instructor"), None))
        .await
        .expect("list");
    assert_eq!(emails(&teachers), vec!["tess@example.org"]);
    assert!(!teachers.items[0].has_password);
    delete_account(&db, ada.id, PASSWORD).await.expect("delete");
    let learners = list_users(&db, &query(None, Some("learner"), None))
        .await
        .expect("list");
    assert_eq!(
        emails(&learners),
        vec!["bob@example.org"],
        "deleted users are hidden"
    );
    let deleted = list_users(&db, &query(Some("deleted"), None, None))
        .await
        .expect("list");
    assert_eq!(deleted.total, 0);
}
