//! Instructor profiles, the home page's extras (Continue learning, category counts), the
//! course-complete notices, My learning's tabs and the information pages, through the real
//! router — on SQLite and on Postgres.

use app::api::home::{GetCategoryCounts, GetContinueLearning, GetInfoPage};
use app::api::instructors::{GetInstructorProfile, GetMyBio, UpdateBio};
use app::api::profile::UpdateDisplayName;
use app::error::AppError;
use app::models::instructor::{BioSettings, CategoryCount, ContinueLearning, InstructorProfile};
use app::models::Role;
use leptos::server_fn::ServerFn;
use serde_json::json;

use crate::common::courses::course;
use crate::common::learning::{enrolled_learner, event, instructor_and_course, record};
use crate::common::{call, err, form, ok, person, Backend, Person, TestApp};

on_both_backends! {
    profiles_show_published_courses_and_404_otherwise => profiles_show_published_courses;
    bios_are_bounded_sanitized_and_slugs_stable => bios_are_bounded_and_sanitized;
    continue_learning_follows_the_last_lesson_touched => continue_learning_follows_progress;
    completing_every_lesson_shows_course_complete => course_complete_is_decided_by_the_server;
    category_tiles_count_published_courses => category_counts;
    information_pages_render_with_a_heading => information_pages;
}

/// The page `path` as `who` sees it.
async fn page(app: &TestApp, who: &Person, path: &str) -> (u16, String) {
    let response = who.client.get(app.url(path)).send().await.expect("get");
    let status = response.status().as_u16();
    (status, response.text().await.expect("body"))
}

async fn my_slug(app: &TestApp, who: &Person) -> String {
    ok::<BioSettings>(form::<GetMyBio>(app, who, &[]).await).slug
}

async fn profiles_show_published_courses(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, _) = instructor_and_course(&app, 2).await;
    course(&app, ada.id, "secret", false, 0, 1, &[]).await;
    let slug = my_slug(&app, &ada).await;
    assert_eq!(slug, "name-ada-example-org");

    let (status, html) = app.get(&format!("/instructors/{slug}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Name ada@example.org"));
    assert!(html.contains("Course rust"), "published course listed");
    assert!(!html.contains("Course secret"), "drafts stay hidden");

    let profile: InstructorProfile = call(
        &app,
        &TestApp::new_client(),
        GetInstructorProfile::PATH,
        &[("slug", &slug)],
    )
    .await
    .expect("public profile");
    assert_eq!(profile.courses.len(), 1);
    assert_eq!(profile.initials, "NA");

    // The course page and catalogue cards link to the profile.
    let link = format!(r#"href="/instructors/{slug}""#);
    let (_, course_page) = app.get("/courses/rust").await;
    assert!(course_page.contains(&link), "Taught by links the profile");
    let (_, catalogue) = app.get("/courses").await;
    assert!(catalogue.contains(&link), "cards link the profile");

    // Learners have no profile; unknown and malformed slugs are 404 pages.
    let _lea = person(&app, "lea@example.org", Role::Learner).await;
    for missing in [
        "name-lea-example-org",
        "nobody",
        "NAME-ADA-EXAMPLE-ORG",
        "a--b",
    ] {
        let (status, html) = app.get(&format!("/instructors/{missing}")).await;
        assert_eq!(status, 404, "{missing}");
        assert!(html.contains("Page not found"), "{missing}");
    }
    let long = "a".repeat(500);
    let reply = call::<InstructorProfile>(
        &app,
        &TestApp::new_client(),
        GetInstructorProfile::PATH,
        &[("slug", &long)],
    )
    .await;
    assert_eq!(
        reply.expect_err("this call must fail").1,
        Some(AppError::NotFound)
    );
}

async fn bios_are_bounded_and_sanitized(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, _) = instructor_and_course(&app, 1).await;
    let saved: BioSettings = ok(form::<UpdateBio>(
        &app,
        &ada,
        &[(
            "bio",
            "I teach **Rust**.\n\n<script>alert(1)</script><a href=\"javascript:x()\">x</a>",
        )],
    )
    .await);
    let (_, html) = app.get(&format!("/instructors/{}", saved.slug)).await;
    assert!(html.contains("<strong>Rust</strong>"));
    assert!(!html.contains("alert(1)"), "scripts are removed");
    assert!(!html.contains("javascript:"), "script links are removed");

    let too_long = "x".repeat(5_001);
    let error = err(form::<UpdateBio>(&app, &ada, &[("bio", &too_long)]).await);
    assert!(matches!(error, AppError::Validation(ref f) if f.contains_key("bio")));

    // Renaming keeps the address: shared links keep working.
    let renamed = form::<UpdateDisplayName>(&app, &ada, &[("display_name", "Ada Okafor")]).await;
    assert_eq!(renamed.0, 200, "{}", renamed.1);
    let (status, html) = app.get(&format!("/instructors/{}", saved.slug)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Ada Okafor"));

    // Learners have no bio to edit.
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    assert_eq!(form::<UpdateBio>(&app, &lea, &[("bio", "Hi")]).await.0, 403);
    assert_eq!(form::<GetMyBio>(&app, &lea, &[]).await.0, 403);
}

async fn continue_learning_follows_progress(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_ada, c) = instructor_and_course(&app, 3).await;
    let nothing: Option<ContinueLearning> =
        call(&app, &TestApp::new_client(), GetContinueLearning::PATH, &[])
            .await
            .expect("visitors get an answer");
    assert_eq!(nothing, None);

    let lea = enrolled_learner(&app, "lea@example.org").await;
    let none: Option<ContinueLearning> = ok(form::<GetContinueLearning>(&app, &lea, &[]).await);
    assert_eq!(none, None, "enrolled without progress: nothing to continue");
    let (_, home) = page(&app, &lea, "/").await;
    assert!(!home.contains("Continue learning"));

    record(
        &app,
        &lea,
        json!([
            event(1, c.lessons[0], "completed", None, "2026-03-01T10:00:00Z"),
            event(2, c.lessons[1], "started", None, "2026-03-01T10:05:00Z"),
        ]),
    )
    .await
    .expect("record");
    let next: ContinueLearning =
        ok::<Option<ContinueLearning>>(form::<GetContinueLearning>(&app, &lea, &[]).await)
            .expect("something to continue");
    assert_eq!(
        (next.course_slug.as_str(), next.lesson_slug.as_str()),
        ("rust", "l2")
    );
    assert_eq!(next.percent, 33);
    let (_, home) = page(&app, &lea, "/").await;
    assert!(home.contains("Continue learning"));
    assert!(home.contains(r#"href="/courses/rust/lessons/l2""#));
}

async fn course_complete_is_decided_by_the_server(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_ada, c) = instructor_and_course(&app, 2).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
    let (_, before) = page(&app, &lea, "/courses/rust").await;
    assert!(!before.contains("You completed this course"));
    let (_, tab) = page(&app, &lea, "/learning?tab=completed").await;
    assert!(tab.contains("No completed courses yet"));

    record(
        &app,
        &lea,
        json!([
            event(1, c.lessons[0], "completed", None, "2026-03-01T10:00:00Z"),
            event(2, c.lessons[1], "completed", None, "2026-03-01T10:05:00Z"),
        ]),
    )
    .await
    .expect("record");
    let (_, after) = page(&app, &lea, "/courses/rust").await;
    assert!(after.contains("You completed this course"));
    assert!(after.contains(r#"role="status""#));
    let (_, lesson) = page(&app, &lea, "/courses/rust/lessons/l2").await;
    assert!(lesson.contains("Course complete"));
    let (_, done) = page(&app, &lea, "/learning?tab=completed").await;
    assert!(done.contains("Course rust"));
    let (_, in_progress) = page(&app, &lea, "/learning").await;
    assert!(in_progress.contains("Nothing in progress"));
    // Nothing left to continue once the course is complete.
    let none: Option<ContinueLearning> = ok(form::<GetContinueLearning>(&app, &lea, &[]).await);
    assert_eq!(none, None);
}

async fn category_counts(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, _) = instructor_and_course(&app, 1).await;
    course(&app, ada.id, "draft", false, 0, 1, &[]).await;
    course(&app, ada.id, "more", true, 0, 1, &[]).await;
    let counts: Vec<CategoryCount> =
        call(&app, &TestApp::new_client(), GetCategoryCounts::PATH, &[])
            .await
            .expect("counts");
    let programming = counts
        .iter()
        .find(|c| c.slug == "programming")
        .expect("programming");
    assert_eq!(programming.count, 2, "published courses only");
    assert!(counts
        .iter()
        .filter(|c| c.slug != "programming")
        .all(|c| c.count == 0));
    let (_, home) = app.get("/").await;
    assert!(home.contains("2 courses"));
}

async fn information_pages(backend: Backend) {
    let app = TestApp::empty(backend).await;
    for (path, heading) in [
        ("/help", "Help"),
        ("/terms", "Terms of use"),
        ("/privacy", "Privacy"),
        ("/contact", "Contact"),
    ] {
        let (status, html) = app.get(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            html.contains(&format!(">{heading}</h1>")),
            "{path} has its h1"
        );
        assert!(
            html.contains(&format!("<title>{heading} · Lectern</title>")),
            "{path}"
        );
    }
    let reply = call::<serde_json::Value>(
        &app,
        &TestApp::new_client(),
        GetInfoPage::PATH,
        &[("name", "../../etc/passwd")],
    )
    .await;
    assert_eq!(
        reply.expect_err("this call must fail").1,
        Some(AppError::NotFound)
    );
}
