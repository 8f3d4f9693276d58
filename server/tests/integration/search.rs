//! Catalogue search relevance on the demo catalogue, on SQLite and on Postgres: the same
//! words find the same courses in the same order on both.

use app::models::{CatalogueQuery, FacetCount};
use app::server::services::catalogue;
use app::server::services::search_index::SearchIndexCache;

use crate::common::{Backend, TestApp};

on_both_backends! {
    whole_words_rust_is_not_trusting => whole_words_rust_is_not_trusting;
    instructor_names_are_searchable => instructor_names_are_searchable;
    typos_and_prefixes_still_find => typos_and_prefixes_still_find;
    title_matches_rank_above_description_matches => title_matches_rank_above_description_matches;
    filter_counts_follow_the_other_filter => filter_counts_follow_the_other_filter;
    sort_orders => sort_orders;
    page_shows_counts_sort_and_results => page_shows_counts_sort_and_results;
}

fn ask(q: Option<&str>, sort: Option<&str>) -> CatalogueQuery {
    CatalogueQuery {
        q: q.map(Into::into),
        sort: sort.map(Into::into),
        ..Default::default()
    }
}

/// Every result title (all pages), in order.
async fn titles(app: &TestApp, mut query: CatalogueQuery) -> Vec<String> {
    let search = SearchIndexCache::default();
    let mut out = Vec::new();
    for page in 1.. {
        query.page = Some(page);
        let result = catalogue::list_courses(&app.db, &search, &query)
            .await
            .expect("list");
        out.extend(result.items.into_iter().map(|c| c.title));
        if page >= result.total_pages {
            break;
        }
    }
    out
}

async fn search(app: &TestApp, q: &str) -> Vec<String> {
    titles(app, ask(Some(q), None)).await
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

async fn whole_words_rust_is_not_trusting(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let found = search(&app, "rust").await;
    assert_eq!(
        found,
        vec!["Rust Fundamentals", "Async Rust in Practice"],
        "Statistics with Python says 'trusting', which is not 'rust'"
    );
}

async fn instructor_names_are_searchable(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let ada = vec![
        "Async Rust in Practice",
        "Deep Work: Focus in a Distracted World",
        "Intro to Machine Learning",
        "Negotiation Skills",
        "PostgreSQL Query Tuning",
        "Rust Fundamentals",
        "Écrire en français",
    ];
    assert_eq!(sorted(search(&app, "ada").await), ada);
    assert_eq!(sorted(search(&app, "Okafor").await), ada);
    assert_eq!(
        search(&app, "serrano sql").await,
        vec!["SQL for Analysts"],
        "a name and a topic together"
    );
}

async fn typos_and_prefixes_still_find(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let ml = search(&app, "machine learing").await;
    assert_eq!(
        ml.first().map(String::as_str),
        Some("Intro to Machine Learning")
    );
    assert_eq!(search(&app, "asyn").await, vec!["Async Rust in Practice"]);
    let first = |found: Vec<String>| found.into_iter().next().unwrap_or_default();
    assert_eq!(
        first(search(&app, "negotiaton").await),
        "Negotiation Skills",
        "one letter missing"
    );
    assert_eq!(
        first(search(&app, "typograhpy").await),
        "Typography for Screens",
        "two letters swapped"
    );
    assert_eq!(
        search(&app, "ecrire").await,
        vec!["Écrire en français"],
        "accents are optional"
    );
}

async fn title_matches_rank_above_description_matches(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    // "SQL" is in one title; PostgreSQL Query Tuning mentions it in its description only.
    assert_eq!(
        search(&app, "sql").await,
        vec!["SQL for Analysts", "PostgreSQL Query Tuning"]
    );
    // Python: a title, then the course that asks for "basic Python" in its description.
    assert_eq!(
        search(&app, "python").await,
        vec!["Statistics with Python", "Intro to Machine Learning"]
    );
    // Tokio: in the Async Rust subtitle; nowhere else.
    assert_eq!(search(&app, "tokio").await, vec!["Async Rust in Practice"]);
}

fn count(list: &[FacetCount], value: &str) -> u64 {
    list.iter()
        .find(|f| f.value == value)
        .map_or(u64::MAX, |f| f.count)
}

async fn filter_counts_follow_the_other_filter(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let search = SearchIndexCache::default();
    let list = |query: CatalogueQuery| {
        let (db, search) = (app.db.clone(), search.clone());
        async move {
            catalogue::list_courses(&db, &search, &query)
                .await
                .expect("list")
        }
    };
    let everything = list(CatalogueQuery::default()).await;
    assert_eq!(count(&everything.facets.categories, "data-science"), 3);
    assert_eq!(count(&everything.facets.levels, "advanced"), 3);
    // The trap from the issue: "Data science (3)" and "Advanced (3)" gave 0 results. Now
    // each count says what choosing it would give.
    let advanced = list(CatalogueQuery {
        level: Some("advanced".into()),
        ..Default::default()
    })
    .await;
    assert_eq!(count(&advanced.facets.categories, "data-science"), 0);
    assert_eq!(count(&advanced.facets.categories, "programming"), 2);
    assert_eq!(count(&advanced.facets.levels, "beginner"), 6);
    let data = list(CatalogueQuery {
        category: Some("data-science".into()),
        ..Default::default()
    })
    .await;
    assert_eq!(count(&data.facets.levels, "advanced"), 0);
    assert_eq!(count(&data.facets.levels, "intermediate"), 2);
    // The search text counts too.
    let rust = list(ask(Some("rust"), None)).await;
    assert_eq!(count(&rust.facets.categories, "programming"), 2);
    assert_eq!(count(&rust.facets.categories, "data-science"), 0);
    assert_eq!(count(&rust.facets.levels, "advanced"), 1);
}

async fn sort_orders(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let by_price = titles(&app, ask(None, Some("price"))).await;
    assert_eq!(
        by_price[..5],
        [
            "Deep Work: Focus in a Distracted World",
            "Español para viajeros",
            "Intro to Machine Learning",
            "Rust Fundamentals",
            "UX Research Basics",
        ],
        "free courses first, then by title"
    );
    assert_eq!(
        by_price[11..],
        ["Async Rust in Practice", "PostgreSQL Query Tuning"]
    );
    let by_title = titles(&app, ask(None, None)).await;
    assert_eq!(by_title.len(), 13);
    assert_eq!(
        by_title.first().map(String::as_str),
        Some("Async Rust in Practice")
    );
    assert_eq!(by_title[2], "Écrire en français", "É files under E");
    assert_eq!(
        by_title.last().map(String::as_str),
        Some("UX Research Basics")
    );
    // Publish one course later than the rest: it leads "Newest".
    use app::server::entities::course;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    course::Entity::update_many()
        .col_expr(
            course::Column::PublishedAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now() + chrono::Duration::hours(1)),
        )
        .filter(course::Column::Slug.eq("negotiation-skills"))
        .exec(&app.db)
        .await
        .expect("republish");
    let newest = titles(&app, ask(None, Some("newest"))).await;
    assert_eq!(
        newest.first().map(String::as_str),
        Some("Negotiation Skills")
    );
    // A search sorted by title keeps its matches but not their rank.
    assert_eq!(
        titles(&app, ask(Some("sql"), Some("title"))).await,
        vec!["PostgreSQL Query Tuning", "SQL for Analysts"]
    );
}

async fn page_shows_counts_sort_and_results(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let (status, html) = app.get("/courses?level=advanced").await;
    assert_eq!(status, 200);
    assert!(html.contains("Data science (0)"), "counts follow the level");
    assert!(html.contains("Programming (2)"));
    assert!(html.contains("Sort by"));
    assert!(
        !html.contains(">Relevance<"),
        "nothing to rank without search text"
    );

    let (status, html) = app.get("/courses?q=rust&sort=sideways").await;
    assert_eq!(status, 200, "an unknown order is the default, not an error");
    assert!(html.contains(">Relevance<"));
    assert!(html.contains("2 courses"));
    let first = html.find("/courses/rust-fundamentals\"").expect("rust");
    let second = html
        .find("/courses/async-rust-in-practice\"")
        .expect("async");
    assert!(first < second, "ranked order on the page");
    assert!(!html.contains("/courses/statistics-with-python\""));

    let (_, html) = app.get("/courses?q=ada").await;
    assert!(html.contains("7 courses"), "Ada Okafor's courses");
}
