//! Course authoring: creating with unique slugs, autosave revisions, access, publishing.

use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

use super::courses::*;
use super::curriculum;
use crate::error::AppError;
use crate::models::{CourseDraft, EditorSection};
use crate::server::entities::{course, enrollment, user};
use crate::server::services::accounts::test_support::{db, field_error, passwordless};

/// Two instructors, a learner and an admin.
pub(super) struct People {
    pub ada: user::Model,
    pub bob: user::Model,
    pub lea: user::Model,
    pub root: user::Model,
}

pub(super) async fn people(db: &DatabaseConnection) -> People {
    People {
        ada: passwordless(db, "ada@example.org", "instructor").await,
        bob: passwordless(db, "bob@example.org", "instructor").await,
        lea: passwordless(db, "lea@example.org", "learner").await,
        root: passwordless(db, "root@example.org", "admin").await,
    }
}

/// Course `id`'s sections and lessons as `owner` sees them in the course editor.
pub(super) async fn sections_of(
    db: &DatabaseConnection,
    owner: &user::Model,
    id: i64,
) -> Vec<EditorSection> {
    editor(db, owner, id).await.expect("editor").sections
}

/// A draft course of `owner` with one section and one lesson, and a cover URL set.
pub(super) async fn ready_course(db: &DatabaseConnection, owner: &user::Model) -> i64 {
    let id = create(db, owner, "Rust for Busy People", "programming", "beginner")
        .await
        .expect("create");
    let outline = curriculum::add_section(db, owner, id, "Start here")
        .await
        .expect("section");
    curriculum::add_lesson(db, owner, outline[0].id, "Hello", "text")
        .await
        .expect("lesson");
    let c = course::Entity::find_by_id(id)
        .one(db)
        .await
        .expect("q")
        .expect("course");
    let mut active: course::ActiveModel = c.into();
    active.cover_url = Set(Some("/media/1/cover.png".into()));
    active.update(db).await.expect("cover");
    id
}

#[tokio::test]
async fn new_courses_are_drafts_with_unique_generated_slugs() {
    let db = db().await;
    let p = people(&db).await;
    let first = create(
        &db,
        &p.ada,
        "Rust for Busy People",
        "programming",
        "beginner",
    )
    .await
    .expect("create");
    let second = create(
        &db,
        &p.bob,
        "Rust for busy people!",
        "programming",
        "advanced",
    )
    .await
    .expect("create");
    let a = editor(&db, &p.ada, first).await.expect("editor");
    let b = editor(&db, &p.bob, second).await.expect("editor");
    assert_eq!(a.status, "draft");
    assert_eq!(a.draft.slug, "rust-for-busy-people");
    assert_eq!(b.draft.slug, "rust-for-busy-people-2");
    assert_eq!(
        field_error(
            create(&db, &p.ada, "  ", "programming", "beginner").await,
            "title"
        ),
        "Enter a title."
    );
    assert!(create(&db, &p.ada, "Ok", "astrology", "beginner")
        .await
        .is_err());
}

#[tokio::test]
async fn dashboard_lists_only_own_courses_but_admins_see_all() {
    let db = db().await;
    let p = people(&db).await;
    ready_course(&db, &p.ada).await;
    create(&db, &p.bob, "Bob's course", "design", "beginner")
        .await
        .expect("create");
    let mine = list_mine(&db, &p.ada).await.expect("list");
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].title, "Rust for Busy People");
    assert_eq!(mine[0].lesson_count, 1);
    assert_eq!(mine[0].status, "draft");
    assert_eq!(list_mine(&db, &p.root).await.expect("list").len(), 2);
    assert!(list_mine(&db, &p.lea).await.expect("list").is_empty());
}

#[tokio::test]
async fn dashboard_counts_each_course_s_enrollments() {
    let db = db().await;
    let p = people(&db).await;
    let busy = ready_course(&db, &p.ada).await;
    let quiet = create(&db, &p.ada, "Nobody here yet", "design", "beginner")
        .await
        .expect("create");
    for learner in [&p.lea, &p.bob] {
        enrollment::ActiveModel {
            user_id: Set(learner.id),
            course_id: Set(busy),
            enrolled_at: Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(&db)
        .await
        .expect("enroll");
    }
    let rows = list_mine(&db, &p.ada).await.expect("list");
    let learners = |id: i64| rows.iter().find(|r| r.id == id).map(|r| r.learners);
    assert_eq!(learners(busy), Some(2));
    assert_eq!(learners(quiet), Some(0));
    assert_eq!(
        rows.iter().find(|r| r.id == busy).map(|r| r.lesson_count),
        Some(1)
    );
}

#[tokio::test]
async fn saves_need_the_current_revision_so_no_edit_is_lost() {
    let db = db().await;
    let p = people(&db).await;
    let id = ready_course(&db, &p.ada).await;
    let start = editor(&db, &p.ada, id).await.expect("editor");
    let mut draft = start.draft.clone();
    draft.subtitle = "From zero to shipping".into();
    draft.price = "19.99".into();
    assert_eq!(
        draft.currency, "USD",
        "new courses are priced in US dollars"
    );
    draft.currency = "EUR".into();
    let saved = update(&db, &p.ada, id, start.revision, &draft)
        .await
        .expect("save");
    assert_eq!(saved.revision, start.revision + 1);
    // A second tab still at the old revision is refused, and the first save stands.
    let mut stale = start.draft.clone();
    stale.subtitle = "Overwritten".into();
    assert!(matches!(
        update(&db, &p.ada, id, start.revision, &stale).await,
        Err(AppError::Conflict(_))
    ));
    let now = editor(&db, &p.ada, id).await.expect("editor");
    assert_eq!(now.draft.subtitle, "From zero to shipping");
    assert_eq!(now.draft.price, "19.99");
    assert_eq!(
        now.draft.currency, "EUR",
        "the editor shows the course's own currency"
    );
    assert_eq!(now.revision, saved.revision);
}

#[tokio::test]
async fn invalid_saves_change_nothing_and_name_the_fields() {
    let db = db().await;
    let p = people(&db).await;
    let id = ready_course(&db, &p.ada).await;
    let other = create(&db, &p.ada, "Taken Name", "design", "beginner")
        .await
        .expect("c");
    let start = editor(&db, &p.ada, id).await.expect("editor");
    let bad = CourseDraft {
        price: "lots".into(),
        ..start.draft.clone()
    };
    assert!(
        field_error(update(&db, &p.ada, id, start.revision, &bad).await, "price").contains("19.99")
    );
    let taken = editor(&db, &p.ada, other).await.expect("e").draft.slug;
    let clash = CourseDraft {
        slug: taken,
        ..start.draft.clone()
    };
    assert_eq!(
        field_error(
            update(&db, &p.ada, id, start.revision, &clash).await,
            "slug"
        ),
        "Another course already uses this web address."
    );
    assert_eq!(editor(&db, &p.ada, id).await.expect("e"), start);
}

#[tokio::test]
async fn others_get_not_found_for_drafts_and_forbidden_for_published_courses() {
    let db = db().await;
    let p = people(&db).await;
    let id = ready_course(&db, &p.ada).await;
    let draft = editor(&db, &p.ada, id).await.expect("editor").draft;
    for outsider in [&p.bob, &p.lea] {
        assert_eq!(editor(&db, outsider, id).await, Err(AppError::NotFound));
        assert_eq!(
            update(&db, outsider, id, 1, &draft).await,
            Err(AppError::NotFound)
        );
        assert_eq!(publish(&db, outsider, id).await, Err(AppError::NotFound));
    }
    assert!(editor(&db, &p.root, id).await.is_ok(), "admins may edit");
    publish(&db, &p.ada, id).await.expect("publish");
    assert_eq!(editor(&db, &p.bob, id).await, Err(AppError::Forbidden));
    assert_eq!(unpublish(&db, &p.bob, id).await, Err(AppError::Forbidden));
}

#[tokio::test]
async fn publishing_needs_a_lesson_and_a_cover() {
    let db = db().await;
    let p = people(&db).await;
    let id = create(&db, &p.ada, "Empty", "design", "beginner")
        .await
        .expect("create");
    let problems = field_error(publish(&db, &p.ada, id).await, "publish");
    assert!(problems.contains("Add at least one lesson."), "{problems}");
    assert!(problems.contains("Upload a cover image."), "{problems}");
    assert_eq!(editor(&db, &p.ada, id).await.expect("e").status, "draft");

    let ready = ready_course(&db, &p.ada).await;
    assert!(editor(&db, &p.ada, ready)
        .await
        .expect("e")
        .publish_problems
        .is_empty());
    publish(&db, &p.ada, ready).await.expect("publish");
    let c = course::Entity::find_by_id(ready)
        .one(&db)
        .await
        .expect("q")
        .expect("c");
    assert_eq!(c.status, "published");
    assert!(c.published_at.is_some());
    unpublish(&db, &p.ada, ready).await.expect("unpublish");
    let c = course::Entity::find_by_id(ready)
        .one(&db)
        .await
        .expect("q")
        .expect("c");
    assert_eq!(c.status, "draft");
}
