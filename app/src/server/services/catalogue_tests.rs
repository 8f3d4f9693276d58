//! Catalogue service tests against a fresh in-memory SQLite database with the real schema.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use super::*;
use crate::server::entities::{course, lesson, section};
use crate::server::services::accounts::test_support::named;
use crate::server::test_db::db;

/// The service as a freshly started server runs it (an empty index cache).
async fn list_courses(
    db: &DatabaseConnection,
    query: &CatalogueQuery,
) -> Result<CataloguePage, AppError> {
    super::list_courses(db, &SearchIndexCache::default(), query).await
}

struct Fixture<'a> {
    title: &'a str,
    description: &'a str,
    category: &'a str,
    level: &'a str,
    status: &'a str,
    featured: bool,
    price_cents: i64,
}

impl Default for Fixture<'_> {
    fn default() -> Self {
        Self {
            title: "Untitled",
            description: "",
            category: "programming",
            level: "beginner",
            status: course::STATUS_PUBLISHED,
            featured: false,
            price_cents: 0,
        }
    }
}

/// The instructor of every course here, "Tess Teacher".
async fn instructor(db: &DatabaseConnection) -> i64 {
    named(db, "Tess Teacher", "teacher@example.org", "instructor")
        .await
        .id
}

async fn add(db: &DatabaseConnection, instructor_id: i64, n: usize, f: Fixture<'_>) -> i64 {
    let now = Utc::now();
    let id = course::ActiveModel {
        slug: Set(format!("course-{n}")),
        title: Set(f.title.into()),
        subtitle: Set(String::new()),
        description: Set(f.description.into()),
        category: Set(f.category.into()),
        level: Set(f.level.into()),
        language: Set("en".into()),
        price_cents: Set(f.price_cents),
        currency: Set("USD".into()),
        cover_url: Set(None),
        status: Set(f.status.into()),
        featured: Set(f.featured),
        instructor_id: Set(instructor_id),
        published_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert course")
    .id;
    let section_id = section::ActiveModel {
        course_id: Set(id),
        position: Set(0),
        title: Set("Start".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert section")
    .id;
    for (pos, secs) in [120, 300].into_iter().enumerate() {
        lesson::ActiveModel {
            course_id: Set(id),
            section_id: Set(section_id),
            slug: Set(format!("lesson-{pos}")),
            position: Set(pos as i32),
            title: Set(format!("Lesson {pos}")),
            kind: Set("text".into()),
            body: Set(String::new()),
            duration_seconds: Set(secs),
            free_preview: Set(pos == 0),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("insert lesson");
    }
    id
}

fn query(q: Option<&str>, page: Option<u64>) -> CatalogueQuery {
    CatalogueQuery {
        q: q.map(Into::into),
        page,
        ..Default::default()
    }
}

async fn catalogue_of(n: usize) -> DatabaseConnection {
    let db = db().await;
    let teacher = instructor(&db).await;
    for i in 0..n {
        let title = format!("Course {i:02}");
        add(
            &db,
            teacher,
            i,
            Fixture {
                title: &title,
                ..Default::default()
            },
        )
        .await;
    }
    db
}

#[tokio::test]
async fn page_zero_and_missing_page_mean_the_first_page() {
    let db = catalogue_of(15).await;
    for page in [None, Some(0), Some(1)] {
        let result = list_courses(&db, &query(None, page)).await.expect("list");
        assert_eq!(result.page, 1);
        assert_eq!(result.items.len(), PER_PAGE as usize);
        assert_eq!(result.total, 15);
        assert_eq!(result.total_pages, 2);
        assert_eq!(result.items[0].title, "Course 00");
    }
}

#[tokio::test]
async fn last_page_holds_the_remainder_and_past_the_end_is_empty() {
    let db = catalogue_of(15).await;
    let last = list_courses(&db, &query(None, Some(2)))
        .await
        .expect("page 2");
    assert_eq!(last.items.len(), 3);
    assert_eq!(last.items[2].title, "Course 14");
    let past = list_courses(&db, &query(None, Some(99)))
        .await
        .expect("page 99");
    assert!(past.items.is_empty());
    assert_eq!((past.page, past.total, past.total_pages), (99, 15, 2));
}

#[tokio::test]
async fn empty_catalogue_has_no_pages() {
    let db = db().await;
    let result = list_courses(&db, &query(None, None)).await.expect("list");
    assert!(result.items.is_empty());
    assert_eq!((result.total, result.total_pages), (0, 0));
}

#[tokio::test]
async fn cards_carry_instructor_and_lesson_totals() {
    let db = catalogue_of(1).await;
    let result = list_courses(&db, &query(None, None)).await.expect("list");
    let card = &result.items[0];
    assert_eq!(card.instructor_name, "Tess Teacher");
    assert_eq!(card.lesson_count, 2);
    assert_eq!(card.duration_seconds, 420);
}

#[tokio::test]
async fn featured_lists_only_featured_published_courses() {
    let db = db().await;
    let t = instructor(&db).await;
    add(
        &db,
        t,
        1,
        Fixture {
            title: "Shown",
            featured: true,
            ..Default::default()
        },
    )
    .await;
    add(
        &db,
        t,
        2,
        Fixture {
            title: "Plain",
            ..Default::default()
        },
    )
    .await;
    add(
        &db,
        t,
        3,
        Fixture {
            title: "Hidden",
            featured: true,
            status: course::STATUS_DRAFT,
            ..Default::default()
        },
    )
    .await;
    let featured = featured_courses(&db, 8).await.expect("featured");
    assert_eq!(
        featured
            .iter()
            .map(|c| c.title.as_str())
            .collect::<Vec<_>>(),
        vec!["Shown"]
    );
}

#[path = "catalogue_search_tests.rs"]
mod search;
