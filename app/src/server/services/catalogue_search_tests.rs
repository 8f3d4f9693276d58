//! Catalogue search through the service: words, filters, filter counts and orders.

use super::*;

async fn search_fixture() -> DatabaseConnection {
    let db = db().await;
    let t = instructor(&db).await;
    let courses = [
        (
            "Rust Fundamentals",
            "Ownership and the borrow checker.",
            "programming",
            "beginner",
        ),
        (
            "SQL for Analysts",
            "Joins, grouping and 100% of the window functions.",
            "data-science",
            "beginner",
        ),
        (
            "Advanced SQL",
            "Query plans for snake_case schemas.",
            "data-science",
            "advanced",
        ),
        (
            "O'Reilly's Guide",
            "Quotes in titles.",
            "business",
            "intermediate",
        ),
    ];
    for (i, (title, description, category, level)) in courses.into_iter().enumerate() {
        add(
            &db,
            t,
            i,
            Fixture {
                title,
                description,
                category,
                level,
                ..Default::default()
            },
        )
        .await;
    }
    add(
        &db,
        t,
        99,
        Fixture {
            title: "Rust Draft",
            status: course::STATUS_DRAFT,
            ..Default::default()
        },
    )
    .await;
    db
}

fn titles(page: &CataloguePage) -> Vec<&str> {
    page.items.iter().map(|c| c.title.as_str()).collect()
}

#[tokio::test]
async fn search_matches_title_and_description_case_insensitively() {
    let db = search_fixture().await;
    let by_title = list_courses(&db, &query(Some("rust"), None))
        .await
        .expect("search");
    assert_eq!(
        titles(&by_title),
        vec!["Rust Fundamentals"],
        "drafts never show"
    );
    let by_description = list_courses(&db, &query(Some("BORROW"), None))
        .await
        .expect("search");
    assert_eq!(titles(&by_description), vec!["Rust Fundamentals"]);
    let every_word = list_courses(&db, &query(Some("sql plans"), None))
        .await
        .expect("search");
    assert_eq!(titles(&every_word), vec!["Advanced SQL"]);
}

#[tokio::test]
async fn empty_and_blank_queries_list_everything_published() {
    let db = search_fixture().await;
    for q in [None, Some(""), Some("   ")] {
        let result = list_courses(&db, &query(q, None)).await.expect("list");
        assert_eq!(result.total, 4, "query {q:?}");
    }
}

#[tokio::test]
async fn punctuation_splits_words_and_is_never_syntax() {
    let db = search_fixture().await;
    let percent = list_courses(&db, &query(Some("100%"), None))
        .await
        .expect("search");
    assert_eq!(titles(&percent), vec!["SQL for Analysts"]);
    let underscore = list_courses(&db, &query(Some("snake_case"), None))
        .await
        .expect("search");
    assert_eq!(titles(&underscore), vec!["Advanced SQL"]);
    // Wildcards and the index's own query syntax are plain characters: no word, no match,
    // and never an error.
    for q in ["%", "_", "*", "title:rust*", "\"rust", "rust AND (", "+-~^"] {
        let result = list_courses(&db, &query(Some(q), None)).await;
        assert!(result.is_ok(), "query {q:?}");
    }
    for q in ["%", "_", "*"] {
        let result = list_courses(&db, &query(Some(q), None))
            .await
            .expect("search");
        assert!(result.items.is_empty(), "query {q:?}");
    }
}

#[tokio::test]
async fn quotes_are_plain_text() {
    let db = search_fixture().await;
    let quoted = list_courses(&db, &query(Some("o'reilly's"), None))
        .await
        .expect("search");
    assert_eq!(titles(&quoted), vec!["O'Reilly's Guide"]);
    let injection = list_courses(&db, &query(Some("' OR 1=1 --"), None))
        .await
        .expect("search");
    assert!(injection.items.is_empty());
}

#[tokio::test]
async fn filters_combine_with_search() {
    let db = search_fixture().await;
    let mut q = CatalogueQuery {
        category: Some("data-science".into()),
        ..Default::default()
    };
    assert_eq!(list_courses(&db, &q).await.expect("filter").total, 2);
    q.level = Some("advanced".into());
    assert_eq!(
        titles(&list_courses(&db, &q).await.expect("filter")),
        vec!["Advanced SQL"]
    );
    q.q = Some("joins".into());
    assert!(list_courses(&db, &q)
        .await
        .expect("filter")
        .items
        .is_empty());
    let unknown = CatalogueQuery {
        category: Some("astrology".into()),
        ..Default::default()
    };
    assert_eq!(list_courses(&db, &unknown).await.expect("filter").total, 0);
}

#[tokio::test]
async fn facets_count_published_courses_only() {
    let db = search_fixture().await;
    let facets = facets(&db).await.expect("facets");
    let count =
        |list: &[FacetCount], value: &str| list.iter().find(|f| f.value == value).map(|f| f.count);
    assert_eq!(count(&facets.categories, "data-science"), Some(2));
    assert_eq!(
        count(&facets.categories, "programming"),
        Some(1),
        "the draft is not counted"
    );
    assert_eq!(count(&facets.categories, "design"), Some(0));
    assert_eq!(count(&facets.levels, "beginner"), Some(2));
}

fn count(list: &[FacetCount], value: &str) -> Option<u64> {
    list.iter().find(|f| f.value == value).map(|f| f.count)
}

#[tokio::test]
async fn filter_counts_follow_the_other_filter_and_the_text() {
    let db = search_fixture().await;
    let all = list_courses(&db, &CatalogueQuery::default())
        .await
        .expect("list");
    assert_eq!(count(&all.facets.categories, "data-science"), Some(2));
    assert_eq!(count(&all.facets.levels, "advanced"), Some(1));
    // With "Advanced" chosen, the categories count advanced courses only, while the levels
    // still show what each level would give (the level's own filter is left out).
    let advanced = CatalogueQuery {
        level: Some("advanced".into()),
        ..Default::default()
    };
    let page = list_courses(&db, &advanced).await.expect("list");
    assert_eq!(count(&page.facets.categories, "data-science"), Some(1));
    assert_eq!(count(&page.facets.categories, "programming"), Some(0));
    assert_eq!(count(&page.facets.levels, "beginner"), Some(2));
    // The search text narrows both.
    let sql_beginners = CatalogueQuery {
        q: Some("sql".into()),
        category: Some("data-science".into()),
        ..Default::default()
    };
    let page = list_courses(&db, &sql_beginners).await.expect("list");
    assert_eq!(count(&page.facets.levels, "beginner"), Some(1));
    assert_eq!(count(&page.facets.levels, "intermediate"), Some(0));
    assert_eq!(count(&page.facets.categories, "business"), Some(0));
    assert_eq!(page.total, 2);
}

#[tokio::test]
async fn orders_by_title_price_newest_and_relevance() {
    let db = db().await;
    let t = instructor(&db).await;
    for (n, (title, description, price_cents)) in [
        ("banking basics", "Money.", 500),
        ("Écrire vite", "Writing about money and banking.", 0),
        ("Zebra Money", "Stripes.", 100),
    ]
    .into_iter()
    .enumerate()
    {
        let f = Fixture {
            title,
            description,
            price_cents,
            ..Default::default()
        };
        add(&db, t, n, f).await;
    }
    let sorted = |q: Option<&str>, sort: Option<&str>| CatalogueQuery {
        q: q.map(Into::into),
        sort: sort.map(Into::into),
        ..Default::default()
    };
    let run = |q| {
        let db = db.clone();
        async move {
            let page = list_courses(&db, &q).await.expect("list");
            titles(&page)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        }
    };
    // Titles sort without regard to case or accents; that is also the default.
    let by_title = vec!["banking basics", "Écrire vite", "Zebra Money"];
    assert_eq!(run(sorted(None, None)).await, by_title);
    assert_eq!(run(sorted(None, Some("title"))).await, by_title);
    assert_eq!(
        run(sorted(None, Some("price"))).await,
        vec!["Écrire vite", "Zebra Money", "banking basics"]
    );
    assert_eq!(
        run(sorted(None, Some("newest"))).await,
        vec!["Zebra Money", "Écrire vite", "banking basics"],
        "same publication time: the later course first"
    );
    // Relevance with search text: a title match ranks above a description-only match.
    assert_eq!(
        run(sorted(Some("money"), None)).await,
        vec!["Zebra Money", "banking basics", "Écrire vite"]
    );
    // Relevance without text is no order at all: the default applies, never an error.
    assert_eq!(run(sorted(None, Some("relevance"))).await, by_title);
    assert_eq!(run(sorted(None, Some("cheapest-first"))).await, by_title);
}

#[tokio::test]
async fn the_same_cache_sees_publishes_and_edits() {
    let db = search_fixture().await;
    let cache = SearchIndexCache::default();
    let search = |q: &str| CatalogueQuery {
        q: Some(q.into()),
        ..Default::default()
    };
    let before = super::super::list_courses(&db, &cache, &search("kotlin"))
        .await
        .expect("search");
    assert_eq!(before.total, 0);
    // An edit made elsewhere (another server, a script): only the database knows.
    let rust = course::Entity::find()
        .filter(course::Column::Title.eq("Rust Fundamentals"))
        .one(&db)
        .await
        .expect("find")
        .expect("course");
    let mut edit: course::ActiveModel = rust.into();
    edit.title = Set("Kotlin Fundamentals".into());
    edit.revision = Set(2);
    edit.update(&db).await.expect("edit");
    let after = super::super::list_courses(&db, &cache, &search("kotlin"))
        .await
        .expect("search");
    assert_eq!(titles(&after), vec!["Kotlin Fundamentals"]);
    // Publishing the draft brings it in too.
    course::Entity::update_many()
        .col_expr(
            course::Column::Status,
            sea_orm::sea_query::Expr::value(course::STATUS_PUBLISHED),
        )
        .filter(course::Column::Title.eq("Rust Draft"))
        .exec(&db)
        .await
        .expect("publish");
    let drafts = super::super::list_courses(&db, &cache, &search("draft"))
        .await
        .expect("search");
    assert_eq!(titles(&drafts), vec!["Rust Draft"]);
}
