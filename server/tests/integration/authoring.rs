//! Authoring through the real router, on SQLite and Postgres (and media in S3): an instructor
//! builds a course, uploads a cover, publishes it; the public sees it, and media is served.

use crate::common::authoring::*;
use crate::common::{call, person, Backend, FnReply, TestApp};
use app::api::authoring::{PublishCourse, SetCourseCover, UnpublishCourse};
use app::api::catalogue::GetCourse;
use app::error::AppError;
use app::models::{CourseEditor, Role};
use leptos::server_fn::ServerFn;

/// The course page's data as `client` gets it, undecoded (a draft is a 404 to visitors).
async fn course_page(app: &TestApp, client: &reqwest::Client, slug: &str) -> FnReply {
    app.call_with(
        client,
        GetCourse::PATH,
        &[("slug", slug)],
        Some(&app.url("")),
    )
    .await
}

async fn build_publish_and_serve(backend: Backend) {
    build_publish_and_serve_on(TestApp::empty(backend).await).await;
}

/// The same journey with media in S3: uploads go to presigned URLs, downloads redirect to
/// short-lived presigned URLs.
async fn build_publish_and_serve_s3(backend: Backend) {
    if let Some(app) = TestApp::with_s3(backend).await {
        build_publish_and_serve_on(app).await;
    }
}

async fn build_publish_and_serve_on(app: TestApp) {
    let ada = person(&app, "ada@example.org", Role::Instructor)
        .await
        .client;
    let course = build_course(&app, &ada).await;
    assert_eq!(course.status, "draft");
    assert_eq!(course.sections[0].lessons.len(), 2);
    let id = course.id.to_string();

    // Not publishable without a cover; nothing changes.
    let refused =
        call::<CourseEditor>(&app, &ada, PublishCourse::PATH, &[("course_id", &id)]).await;
    match refused {
        Err((422, Some(AppError::Validation(fields)))) => {
            assert!(
                fields["publish"].contains("Upload a cover image."),
                "{fields:?}"
            )
        }
        other => panic!("publishing without a cover: {other:?}"),
    }

    // Drafts are invisible to visitors but previewable by their instructor.
    let slug = course.draft.slug.clone();
    let anonymous = TestApp::new_client();
    let visitor = course_page(&app, &anonymous, &slug).await;
    assert_eq!(visitor.status, 404);
    let preview = course_page(&app, &ada, &slug).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(
        preview.body.contains("\"is_draft\":true"),
        "{}",
        preview.body
    );

    // Upload a cover, attach it, publish.
    let cover = upload(&app, &ada, course.id, "image", "cover.png", PNG.to_vec())
        .await
        .expect("cover upload");
    assert_eq!(cover.content_type, "image/png");
    assert_eq!(cover.size_bytes, PNG.len() as i64);
    let media_id = cover.id.to_string();
    // While the course is a draft, its media is not served to others.
    let (status, _) = {
        let r = anonymous
            .get(app.url(&cover.url))
            .send()
            .await
            .expect("get");
        (r.status().as_u16(), ())
    };
    assert_eq!(status, 404, "draft media hidden from visitors");
    let cover_url: String = call(
        &app,
        &ada,
        SetCourseCover::PATH,
        &[("course_id", &id), ("media_id", &media_id)],
    )
    .await
    .expect("set cover");
    assert_eq!(cover_url, cover.url);
    let owner_view = fetch_media(&app, &ada, &cover.url).await;
    assert_eq!(owner_view.status(), 200);
    assert_eq!(owner_view.headers()["content-type"], "image/png");
    assert_eq!(owner_view.bytes().await.expect("bytes").as_ref(), PNG);

    let published: CourseEditor = call(&app, &ada, PublishCourse::PATH, &[("course_id", &id)])
        .await
        .expect("publish");
    assert_eq!(published.status, "published");
    let listed = app.get("/courses?q=knitting").await;
    assert!(
        listed.1.contains("Knitting for Engineers"),
        "published course is listed"
    );
    let direct = anonymous
        .get(app.url(&cover.url))
        .send()
        .await
        .expect("get");
    if direct.status() == 200 {
        // Served by Lectern (local storage): public and cacheable by the CDN.
        let cache = direct.headers()["cache-control"].to_str().expect("ascii");
        assert!(cache.starts_with("public"), "{cache}");
    } else {
        assert_eq!(direct.status(), 302, "S3: a redirect to a presigned URL");
    }
    let public_cover = fetch_media(&app, &anonymous, &cover.url).await;
    assert_eq!(public_cover.status(), 200);
    assert_eq!(public_cover.bytes().await.expect("bytes").as_ref(), PNG);

    // Unpublishing hides it again.
    let _: CourseEditor = call(&app, &ada, UnpublishCourse::PATH, &[("course_id", &id)])
        .await
        .expect("unpublish");
    let visitor = course_page(&app, &anonymous, &slug).await;
    assert_eq!(visitor.status, 404);
    assert!(!app
        .get("/courses?q=knitting")
        .await
        .1
        .contains("Knitting for Engineers"));
}

on_both_backends! {
    an_instructor_builds_publishes_and_serves_a_course => build_publish_and_serve;
    the_same_course_with_media_in_s3 => build_publish_and_serve_s3;
}
