//! What a first-time visitor and instructor trip over (issue 15): signed-out pages send the
//! visitor to sign in and back, sign-in lands by `next` or role, the teaching dashboard counts
//! learners, the course editor keeps the course's currency, and a lesson body does not repeat
//! its title.

use crate::common::courses::{course, insert_lesson, insert_section, NewLesson};
use crate::common::learning::enrolled_learner;
use crate::common::*;
use app::api::account::SignIn;
use app::api::authoring::{GetCourseEditor, ListMyCourses, SaveCourse};
use app::api::learning::GetCourseStats;
use app::error::AppError;
use app::models::{AuthoredCourseRow, CourseEditor, CourseStats, Role};
use leptos::server_fn::ServerFn;
use serde_json::json;

on_both_backends! {
    signed_out_pages_redirect_to_sign_in_with_next => signed_out_pages_redirect_to_sign_in_with_next;
    form_sign_in_lands_on_next_or_by_role => form_sign_in_lands_on_next_or_by_role;
    teach_dashboard_counts_the_enrollments_stats_show => teach_dashboard_counts_the_enrollments_stats_show;
    the_course_editor_keeps_the_course_currency => the_course_editor_keeps_the_course_currency;
    a_lesson_body_does_not_repeat_the_title => a_lesson_body_does_not_repeat_the_title;
}

/// GETs `path` as a browser does (asking for HTML), without following redirects.
async fn page(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
) -> (u16, Option<String>, String) {
    let response = client
        .get(app.url(path))
        .header("accept", "text/html")
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, location, response.text().await.expect("body"))
}

async fn signed_out_pages_redirect_to_sign_in_with_next(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let visitor = TestApp::new_client();
    for (path, next) in [
        ("/learning", "/learning"),
        ("/account", "/account"),
        ("/teach", "/teach"),
        ("/admin/users?q=ada", "/admin/users%3Fq%3Dada"),
        ("/teach/courses/5", "/teach/courses/5"),
    ] {
        let (status, location, _) = page(&app, &visitor, path).await;
        assert_eq!(status, 302, "{path}");
        assert_eq!(
            location.as_deref(),
            Some(format!("/signin?next={next}").as_str()),
            "{path}"
        );
    }

    // Signed in without the role: a 403 page with a next step, not a redirect.
    let learner = person(&app, "lena@example.org", Role::Learner).await;
    let (status, location, body) = page(&app, &learner.client, "/teach").await;
    assert_eq!((status, location), (403, None));
    assert!(body.contains("Apply to teach"), "{body:.400}");
    let (status, _, body) = page(&app, &learner.client, "/admin/users").await;
    assert_eq!(status, 403);
    assert!(body.contains("Go to My learning"), "{body:.400}");
    let (status, _, _) = page(&app, &learner.client, "/learning").await;
    assert_eq!(status, 200);
}

/// Signs in through a plain form post (no JavaScript) with `next`, returning the status and
/// `Location` of the answer.
async fn form_sign_in(app: &TestApp, email: &str, next: Option<&str>) -> (u16, Option<String>) {
    let mut fields = vec![("email", email), ("password", GOOD_PASSWORD)];
    if let Some(next) = next {
        fields.push(("next", next));
    }
    let response = TestApp::new_client()
        .post(app.url(SignIn::PATH))
        .header("accept", "text/html")
        .header("origin", app.url(""))
        .header("referer", app.url("/signin"))
        .form(&fields)
        .send()
        .await
        .expect("request");
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (response.status().as_u16(), location)
}

async fn form_sign_in_lands_on_next_or_by_role(backend: Backend) {
    let app = TestApp::empty(backend).await;
    user_with_role(&app, "Lena", "lena@example.org", Role::Learner).await;
    user_with_role(&app, "Ada", "ada@example.org", Role::Instructor).await;
    let lands = |next: Option<&'static str>, email: &'static str| {
        let app = &app;
        async move { form_sign_in(app, email, next).await }
    };
    let at = |path: &str| (302, Some(path.to_owned()));
    assert_eq!(
        lands(Some("/learning"), "lena@example.org").await,
        at("/learning")
    );
    assert_eq!(
        lands(Some("/courses/x?tab=a"), "ada@example.org").await,
        at("/courses/x?tab=a")
    );
    assert_eq!(lands(None, "lena@example.org").await, at("/learning"));
    assert_eq!(lands(None, "ada@example.org").await, at("/teach"));
    for evil in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:x",
    ] {
        assert_eq!(
            lands(Some(evil), "lena@example.org").await,
            at("/learning"),
            "{evil}"
        );
    }

    // The hydrated app's call (asking for JSON) gets the user back and navigates itself.
    let reply = app
        .call::<SignIn>(&[
            ("email", "ada@example.org"),
            ("password", GOOD_PASSWORD),
            ("next", "/learning"),
        ])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(
        reply.body.contains("\"role\":\"instructor\""),
        "{}",
        reply.body
    );
}

async fn teach_dashboard_counts_the_enrollments_stats_show(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let rust = course(&app, ada.id, "rust", true, 0, 2, &[0]).await;
    let quiet = course(&app, ada.id, "quiet", true, 0, 1, &[]).await;
    enrolled_learner(&app, "lena@example.org").await;
    enrolled_learner(&app, "luis@example.org").await;

    let rows: Vec<AuthoredCourseRow> = ok(form::<ListMyCourses>(&app, &ada, &[]).await);
    let learners = |id: i64| rows.iter().find(|r| r.id == id).map(|r| r.learners);
    let stats: CourseStats =
        ok(form::<GetCourseStats>(&app, &ada, &[("course_id", &rust.id.to_string())]).await);
    assert_eq!(stats.total_enrollments, 2);
    assert_eq!(learners(rust.id), Some(2), "as many as the statistics page");
    assert_eq!(learners(quiet.id), Some(0));
}

async fn the_course_editor_keeps_the_course_currency(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let c = course(&app, ada.id, "ecrire", true, 2999, 1, &[]).await;
    let id = c.id.to_string();
    let editor: CourseEditor = ok(form::<GetCourseEditor>(&app, &ada, &[("course_id", &id)]).await);
    assert_eq!(editor.draft.currency, "USD");

    let mut draft = serde_json::to_value(&editor.draft).expect("draft");
    draft["currency"] = json!("EUR");
    let save = |revision: i32, draft: serde_json::Value| json!({ "course_id": c.id, "revision": revision, "draft": draft });
    let saved = json_call::<SaveCourse>(&app, &ada, save(editor.revision, draft.clone())).await;
    assert_eq!(saved.0, 200, "{}", saved.1);
    let editor: CourseEditor = ok(form::<GetCourseEditor>(&app, &ada, &[("course_id", &id)]).await);
    assert_eq!(editor.draft.currency, "EUR");
    assert_eq!(editor.draft.price, "29.99");
    let (_, page_html) = app.get("/courses/ecrire").await;
    assert!(
        page_html.contains("€29.99"),
        "the course page prices in euros"
    );

    draft["currency"] = json!("DOGE");
    let refused = json_call::<SaveCourse>(&app, &ada, save(editor.revision, draft)).await;
    match err(refused) {
        AppError::Validation(fields) => assert!(fields.contains_key("currency"), "{fields:?}"),
        other => panic!("an unknown currency gave {other:?}"),
    }
}

async fn a_lesson_body_does_not_repeat_the_title(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let c = course(&app, ada.id, "deep", true, 0, 0, &[]).await;
    let section = insert_section(&app, c.id, 2, "More").await;
    insert_lesson(
        &app,
        NewLesson {
            course_id: c.id,
            section_id: section,
            position: 0,
            slug: "what-is-deep-work",
            title: "What is deep work?".into(),
            kind: "text",
            body: "## What is Deep Work?\n\nFocus without distraction.".into(),
            duration_seconds: 60,
            free_preview: true,
        },
    )
    .await;
    let (status, html) = app.get("/courses/deep/lessons/what-is-deep-work").await;
    assert_eq!(status, 200, "{html:.400}");
    assert!(html.contains("Focus without distraction."), "{html:.400}");
    assert!(
        !html.contains("<h2>What is Deep Work?</h2>"),
        "the body's repeated title is gone"
    );
}
