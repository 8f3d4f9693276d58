//! Instructor profile rules against a fresh in-memory SQLite database.

use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use super::slugs::base_slug;
use super::*;
use crate::server::test_db::db;

async fn person(db: &DatabaseConnection, name: &str, email: &str, role: &str) -> user::Model {
    crate::server::services::accounts::test_support::named(db, name, email, role).await
}

#[test]
fn base_slugs_are_transliterated_and_short() {
    assert_eq!(base_slug("Ada Okafor"), "ada-okafor");
    assert_eq!(base_slug("Zoë Ångström"), "zoe-angstrom");
    assert_eq!(base_slug("!!!"), "instructor");
    assert!(base_slug(&"x".repeat(200)).len() <= 56);
    assert!(is_valid_slug("ada-okafor-2"));
    for bad in ["", "Ada", "ada--b", "-ada", "ada-", "a/b", "ada okafor"] {
        assert!(!is_valid_slug(bad), "{bad:?}");
    }
}

#[tokio::test]
async fn slugs_are_unique_and_never_change() {
    let db = db().await;
    let first = person(&db, "Sam Lee", "a@example.org", "instructor").await;
    let second = person(&db, "Sam Lee", "b@example.org", "instructor").await;
    assert_eq!(
        assign_slug(&db, first.id)
            .await
            .expect("this call must succeed"),
        "sam-lee"
    );
    assert_eq!(
        assign_slug(&db, second.id)
            .await
            .expect("this call must succeed"),
        "sam-lee-2"
    );
    let mut renamed = first.clone().into_active_model();
    renamed.display_name = Set("Samantha Lee".into());
    renamed.update(&db).await.expect("this call must succeed");
    assert_eq!(
        assign_slug(&db, first.id)
            .await
            .expect("this call must succeed"),
        "sam-lee"
    );
}

#[tokio::test]
async fn learners_have_no_profile_and_bios_are_bounded() {
    let db = db().await;
    let learner = person(&db, "Lea Learner", "l@example.org", "learner").await;
    assert_eq!(
        update_bio(&db, &learner, "Hi")
            .await
            .expect_err("this call must fail"),
        AppError::Forbidden
    );
    let teacher = person(&db, "Tia Teacher", "t@example.org", "instructor").await;
    let too_long = "x".repeat(MAX_BIO_CHARS + 1);
    assert!(matches!(
        update_bio(&db, &teacher, &too_long).await,
        Err(AppError::Validation(_))
    ));
    let saved = update_bio(&db, &teacher, "  I teach **maths**. <script>x()</script> ")
        .await
        .expect("this call must succeed");
    assert_eq!(saved.slug, "tia-teacher");
    let page = profile(&db, "tia-teacher")
        .await
        .expect("this call must succeed");
    assert!(page.bio_html.contains("<strong>maths</strong>"));
    assert!(!page.bio_html.contains("<script"));
    assert_eq!(page.initials, "TT");
    assert_eq!(
        profile(&db, "lea-learner")
            .await
            .expect_err("this call must fail"),
        AppError::NotFound
    );
    assert_eq!(
        profile(&db, "../x").await.expect_err("this call must fail"),
        AppError::NotFound
    );
}
