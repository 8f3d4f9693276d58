//! The page cache through the real router: anonymous visitors get a kept copy of a course
//! page (with `Age`) until the course changes, signed-in people never do, and with Redis a
//! change made on one instance reaches the others' copies.

use std::time::{Duration, Instant};

use app::api::authoring::UnpublishCourse;
use app::models::{CourseEditor, Role};
use leptos::server_fn::ServerFn;

use crate::common::courses::insert_course;
use crate::common::{call, person, Backend, Sessions, TestApp};

/// An anonymous GET of `path`: status, whether it came from the cache (`Age`), body.
async fn visit(app: &TestApp, path: &str) -> (u16, bool, String) {
    let response = TestApp::new_client()
        .get(app.url(path))
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let cached = response.headers().contains_key("age");
    (status, cached, response.text().await.expect("body"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_pages_are_kept_until_the_course_changes() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let id = insert_course(&app, ada.id, "kept-course", true, 0).await;
    let path = "/courses/kept-course";

    let (status, cached, body) = visit(&app, path).await;
    assert_eq!(
        (status, cached),
        (200, false),
        "rendered for the first visitor"
    );
    assert!(body.contains("Course kept-course"), "{body}");
    let (status, cached, again) = visit(&app, path).await;
    assert_eq!(
        (status, cached),
        (200, true),
        "the next visitor gets the copy"
    );
    assert_eq!(again, body);

    // Signed in, the page is rendered for the person every time.
    let response = ada.client.get(app.url(path)).send().await.expect("request");
    assert_eq!(response.status(), 200);
    assert!(!response.headers().contains_key("age"));

    // The instructor takes the course down: no visitor sees the kept copy afterwards.
    let _: CourseEditor = call(
        &app,
        &ada.client,
        UnpublishCourse::PATH,
        &[("course_id", &id.to_string())],
    )
    .await
    .expect("unpublish");
    let (status, cached, _) = visit(&app, path).await;
    assert_eq!((status, cached), (404, false), "the change shows at once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_on_one_instance_reaches_the_others_copies() {
    let first = TestApp::start(Backend::Postgres, Sessions::Redis).await;
    let second = TestApp::start_alongside(&first).await;
    let ada = person(&first, "ada@example.org", Role::Instructor).await;
    let id = insert_course(&first, ada.id, "shared-course", true, 0).await;
    let path = "/courses/shared-course";
    assert_eq!(visit(&second, path).await.0, 200);
    let (status, cached, _) = visit(&second, path).await;
    assert_eq!(
        (status, cached),
        (200, true),
        "the second instance keeps a copy"
    );

    let _: CourseEditor = call(
        &first,
        &ada.client,
        UnpublishCourse::PATH,
        &[("course_id", &id.to_string())],
    )
    .await
    .expect("unpublish on the first instance");
    let changed = Instant::now();
    let status = loop {
        let (status, _, _) = visit(&second, path).await;
        if status != 200 || changed.elapsed() > Duration::from_secs(5) {
            break status;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(
        status, 404,
        "the second instance dropped its copy long before the 60-second TTL"
    );
}
