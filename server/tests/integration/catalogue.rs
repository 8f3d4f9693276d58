//! The public catalogue through the real router: listing, search, filters, course and lesson
//! pages, and 404s — on SQLite and on Postgres.

use crate::common::{Backend, TestApp};

on_both_backends! {
    catalogue_lists_seeded_courses => catalogue_lists_seeded_courses;
    search_narrows_results => search_narrows_results;
    filters_and_pages_follow_the_url => filters_and_pages_follow_the_url;
    course_page_shows_outline_and_instructor => course_page_shows_outline_and_instructor;
    unknown_course_and_path_are_404 => unknown_course_and_path_are_404;
    preview_lessons_render_sanitized_markdown => preview_lessons_render_sanitized_markdown;
    locked_lessons_are_403 => locked_lessons_are_403;
    home_shows_featured_courses => home_shows_featured_courses;
    empty_catalogue_says_so => empty_catalogue_says_so;
}

async fn catalogue_lists_seeded_courses(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let (status, html) = app.get("/courses").await;
    assert_eq!(status, 200);
    assert!(html.contains("Course catalogue"));
    let total = lectern_server::seed::demo_courses().expect("demo").len();
    assert!(
        html.contains(&format!("{total} courses")),
        "total count shown"
    );
    assert_eq!(html.matches("<article").count(), 12, "a full first page");
    assert!(html.contains("Rust Fundamentals"));
    assert!(
        html.contains(r#"aria-label="Pagination""#),
        "13 courses need two pages"
    );
    assert!(html.contains(r#"href="/courses?page=2""#));
}

async fn search_narrows_results(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let (status, html) = app.get("/courses?q=borrow").await;
    assert_eq!(status, 200);
    assert!(html.contains("1 course"), "one match for 'borrow'");
    assert!(html.contains("Rust Fundamentals"));
    assert!(!html.contains("SQL for Analysts"));

    let (_, html) = app.get("/courses?q=JOINS").await;
    assert!(html.contains("SQL for Analysts"), "search ignores case");

    for nothing in ["zzqx%25_", "%27%20OR%201%3D1%20--"] {
        let (status, html) = app.get(&format!("/courses?q={nothing}")).await;
        assert_eq!(status, 200, "query {nothing}");
        assert!(
            html.contains("No courses match your search"),
            "query {nothing}"
        );
        assert!(html.contains("Clear search and filters"));
    }
}

async fn filters_and_pages_follow_the_url(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let (_, html) = app.get("/courses?category=languages").await;
    assert!(html.contains("2 courses"));
    assert!(html.contains("Español para viajeros") || html.contains("espanol-para-viajeros"));
    assert!(!html.contains("Rust Fundamentals"));

    let (_, html) = app
        .get("/courses?category=programming&level=advanced")
        .await;
    assert!(html.contains("2 courses"));
    assert!(html.contains("Async Rust in Practice"));

    let total = lectern_server::seed::demo_courses().expect("demo").len();
    let (_, page2) = app.get("/courses?page=2").await;
    assert_eq!(
        page2.matches("<article").count(),
        total - 12,
        "the rest on page 2"
    );
    assert!(page2.contains(r#"aria-current="page" aria-label="Page 2""#));
    assert!(page2.contains(r#"rel="prev""#));
    let (status, past) = app.get("/courses?page=9").await;
    assert_eq!(status, 200);
    assert!(past.contains("Page 9 is past the end of the results."));
    assert!(past.contains("Go to the last page (2)"));
}

async fn course_page_shows_outline_and_instructor(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let (status, html) = app.get("/courses/rust-fundamentals").await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1"), "has a heading");
    assert!(html.contains("Rust Fundamentals"));
    assert!(html.contains("Curriculum"));
    assert!(html.contains("Ada Okafor"), "instructor shown");
    assert!(html.contains("Free"), "free course shows its price");
    assert!(
        html.contains(r#"aria-expanded="true""#),
        "sections start expanded"
    );
    assert!(html.contains("Preview a free lesson"));
    assert!(html.contains("<title>Rust Fundamentals · Lectern</title>"));
}

async fn unknown_course_and_path_are_404(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    for path in [
        "/courses/no-such-course",
        "/no/such/page",
        "/courses/rust-fundamentals/lessons/nope",
    ] {
        let (status, html) = app.get(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page not found"), "{path}");
    }
}

async fn preview_lessons_render_sanitized_markdown(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let (status, html) = app
        .get("/courses/ux-research-basics/lessons/choosing-a-method")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("<h2"), "markdown headings rendered");
    assert!(
        !html.contains("alert("),
        "script in lesson markdown is sanitized away"
    );

    let (status, html) = app.get("/courses/rust-fundamentals").await;
    assert_eq!(status, 200);
    let first = html
        .split("/courses/rust-fundamentals/lessons/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a preview link on the course page")
        .to_owned();
    let (status, lesson) = app
        .get(&format!("/courses/rust-fundamentals/lessons/{first}"))
        .await;
    assert_eq!(status, 200);
    assert!(lesson.contains("Free preview"));
    assert!(
        lesson.contains(r#"aria-current="page""#),
        "outline marks the current lesson"
    );
}

async fn locked_lessons_are_403(backend: Backend) {
    use app::server::entities::lesson;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::with_demo(backend).await;
    let locked = lesson::Entity::find()
        .filter(lesson::Column::FreePreview.eq(false))
        .one(&app.db)
        .await
        .expect("query")
        .expect("a locked lesson in the demo");
    let course = app::server::entities::course::Entity::find_by_id(locked.course_id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("its course");
    let (status, html) = app
        .get(&format!("/courses/{}/lessons/{}", course.slug, locked.slug))
        .await;
    assert_eq!(status, 403);
    assert!(html.contains("This lesson is for enrolled learners"));
    assert!(
        !html.contains(&locked.body[..40.min(locked.body.len())]),
        "body never sent"
    );
}

async fn home_shows_featured_courses(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let (status, html) = app.get("/").await;
    assert_eq!(status, 200);
    assert!(html.contains("Featured courses"));
    assert!(html.contains("Rust Fundamentals"), "a featured demo course");
    assert!(!html.contains("Async Rust in Practice"), "not featured");
}

async fn empty_catalogue_says_so(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (status, html) = app.get("/courses").await;
    assert_eq!(status, 200);
    assert!(html.contains("The catalogue is empty for now."));
    let (_, home) = app.get("/").await;
    assert!(home.contains("No featured courses yet."));
}
