//! Authoring through the real router, on SQLite and Postgres: an instructor builds a course,
//! uploads a cover, publishes it; others are kept out of drafts; media is served only to those
//! allowed, and bad uploads are refused without leaving anything behind.

mod common;

use app::api::authoring::{
    AddLesson, AddSection, CreateCourse, FinishUpload, GetCourseEditor, PublishCourse,
    SetCourseCover, StartUpload, UnpublishCourse,
};
use app::api::catalogue::GetCourse;
use app::error::AppError;
use app::models::{CourseEditor, EditorSection, MediaInfo, Role, UploadTicket};
use app::server::services::accounts;
use common::{Backend, TestApp, GOOD_PASSWORD};
use leptos::server_fn::ServerFn;

/// The smallest valid PNG (1×1, transparent).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// A client signed in as a new user with `role`.
async fn person(app: &TestApp, email: &str, role: Role) -> reqwest::Client {
    let client = TestApp::new_client();
    let user = accounts::signup(&app.db, "Person", email, GOOD_PASSWORD)
        .await
        .expect("signup");
    if role != Role::Learner {
        let boss = accounts::roles::create_admin(
            &app.db,
            &format!("boss-{email}"),
            Some("Boss"),
            Some(GOOD_PASSWORD),
        )
        .await
        .expect("admin");
        accounts::roles::set_role(&app.db, boss.id, user.id, role)
            .await
            .expect("role");
    }
    let reply = app
        .call_with(
            &client,
            app::api::account::SignIn::PATH,
            &[("email", email), ("password", GOOD_PASSWORD)],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 200, "sign in: {}", reply.body);
    client
}

async fn call<T: serde::de::DeserializeOwned>(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    args: &[(&str, &str)],
) -> Result<T, (u16, Option<AppError>)> {
    let reply = app.call_with(client, path, args, Some(&app.url(""))).await;
    if reply.status == 200 {
        Ok(serde_json::from_str(&reply.body).expect("decode reply"))
    } else {
        Err((reply.status, reply.error()))
    }
}

/// Creates a course with a section and two lessons; returns its editor view.
async fn build_course(app: &TestApp, client: &reqwest::Client) -> CourseEditor {
    let id: i64 = call(
        app,
        client,
        CreateCourse::PATH,
        &[
            ("title", "Knitting for Engineers"),
            ("category", "design"),
            ("level", "beginner"),
        ],
    )
    .await
    .expect("create");
    let id_text = id.to_string();
    let outline: Vec<EditorSection> = call(
        app,
        client,
        AddSection::PATH,
        &[("course_id", &id_text), ("title", "Casting on")],
    )
    .await
    .expect("section");
    let section = outline[0].id.to_string();
    for title in ["First stitches", "Purl"] {
        let _: Vec<EditorSection> = call(
            app,
            client,
            AddLesson::PATH,
            &[("section_id", &section), ("title", title), ("kind", "text")],
        )
        .await
        .expect("lesson");
    }
    call(
        app,
        client,
        GetCourseEditor::PATH,
        &[("course_id", &id_text)],
    )
    .await
    .expect("editor")
}

/// Uploads `bytes` as `kind` through the ticket flow; returns the finish result.
async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    course_id: i64,
    kind: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Result<MediaInfo, (u16, Option<AppError>)> {
    let size = bytes.len().to_string();
    let ticket: UploadTicket = call(
        app,
        client,
        StartUpload::PATH,
        &[
            ("course_id", &course_id.to_string()),
            ("kind", kind),
            ("filename", name),
            ("size_bytes", &size),
        ],
    )
    .await?;
    let url = if ticket.url.starts_with('/') {
        app.url(&ticket.url)
    } else {
        ticket.url.clone()
    };
    let mut request = client.put(url).header("origin", app.url("")).body(bytes);
    for (name, value) in &ticket.headers {
        request = request.header(name, value);
    }
    let sent = request.send().await.expect("upload");
    if !sent.status().is_success() {
        let status = sent.status().as_u16();
        let error = serde_json::from_str(&sent.text().await.unwrap_or_default()).ok();
        return Err((status, error));
    }
    call(
        app,
        client,
        FinishUpload::PATH,
        &[("media_id", &ticket.media_id.to_string())],
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

/// Follows a media URL as a browser would: Lectern's route, then (S3) the presigned redirect.
async fn fetch_media(app: &TestApp, client: &reqwest::Client, url: &str) -> reqwest::Response {
    let first = client.get(app.url(url)).send().await.expect("get media");
    if first.status() != 302 {
        return first;
    }
    assert_eq!(first.headers()["cache-control"], "private, no-store");
    let location = first.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        location.contains("X-Amz-Signature="),
        "presigned: {location}"
    );
    reqwest::get(location).await.expect("presigned get")
}

async fn build_publish_and_serve_on(app: TestApp) {
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
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
    let visitor = app
        .call_with(
            &anonymous,
            GetCourse::PATH,
            &[("slug", &slug)],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(visitor.status, 404);
    let preview = app
        .call_with(
            &ada,
            GetCourse::PATH,
            &[("slug", &slug)],
            Some(&app.url("")),
        )
        .await;
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
    let visitor = app
        .call_with(
            &anonymous,
            GetCourse::PATH,
            &[("slug", &slug)],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(visitor.status, 404);
    assert!(!app
        .get("/courses?q=knitting")
        .await
        .1
        .contains("Knitting for Engineers"));
}

async fn others_are_kept_out(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let course = build_course(&app, &ada).await;
    let id = course.id.to_string();

    let as_bob =
        call::<CourseEditor>(&app, &bob, GetCourseEditor::PATH, &[("course_id", &id)]).await;
    assert_eq!(
        as_bob.err().map(|e| e.0),
        Some(404),
        "another instructor: drafts are 404"
    );
    let as_lea =
        call::<CourseEditor>(&app, &lea, GetCourseEditor::PATH, &[("course_id", &id)]).await;
    assert_eq!(
        as_lea.err().map(|e| e.0),
        Some(403),
        "learners cannot author at all"
    );
    let section = course.sections[0].id.to_string();
    let sneak = call::<Vec<EditorSection>>(
        &app,
        &bob,
        AddLesson::PATH,
        &[
            ("section_id", &section),
            ("title", "Sneaky"),
            ("kind", "text"),
        ],
    )
    .await;
    assert_eq!(sneak.err().map(|e| e.0), Some(404));
    // Bob cannot upload into Ada's course, nor send bytes for Ada's announced upload.
    let stolen = upload(&app, &bob, course.id, "image", "x.png", PNG.to_vec()).await;
    assert_eq!(stolen.err().map(|e| e.0), Some(404));
    let ticket: UploadTicket = call(
        &app,
        &ada,
        StartUpload::PATH,
        &[
            ("course_id", &id),
            ("kind", "image"),
            ("filename", "c.png"),
            ("size_bytes", &PNG.len().to_string()),
        ],
    )
    .await
    .expect("ticket");
    if ticket.url.starts_with('/') {
        let hijack = bob
            .put(app.url(&ticket.url))
            .header("origin", app.url(""))
            .body(PNG.to_vec())
            .send()
            .await
            .expect("put");
        assert_eq!(hijack.status(), 404);
    }
    let finish_as_bob = call::<MediaInfo>(
        &app,
        &bob,
        FinishUpload::PATH,
        &[("media_id", &ticket.media_id.to_string())],
    )
    .await;
    assert_eq!(finish_as_bob.err().map(|e| e.0), Some(404));

    // Once published, others get 403 for changes (the course exists publicly).
    // (Publishing needs a cover: upload one as Ada.)
    let cover = upload(&app, &ada, course.id, "image", "cover.png", PNG.to_vec())
        .await
        .expect("cover");
    let _: String = call(
        &app,
        &ada,
        SetCourseCover::PATH,
        &[("course_id", &id), ("media_id", &cover.id.to_string())],
    )
    .await
    .expect("set cover");
    let _: CourseEditor = call(&app, &ada, PublishCourse::PATH, &[("course_id", &id)])
        .await
        .expect("publish");
    let as_bob =
        call::<CourseEditor>(&app, &bob, UnpublishCourse::PATH, &[("course_id", &id)]).await;
    assert_eq!(as_bob.err().map(|e| e.0), Some(403));
}

async fn bad_uploads_are_refused(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let course = build_course(&app, &ada).await;

    // A PDF named like an image: refused by its bytes, and nothing kept.
    let pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n".to_vec();
    match upload(&app, &ada, course.id, "image", "sneaky.png", pdf.clone()).await {
        Err((422, Some(AppError::Validation(fields)))) => {
            assert!(fields.contains_key("file"), "{fields:?}")
        }
        other => panic!("a PDF as an image: {other:?}"),
    }
    // The same PDF is a fine attachment.
    let attachment = upload(&app, &ada, course.id, "attachment", "notes.pdf", pdf)
        .await
        .expect("pdf attachment");
    assert_eq!(attachment.content_type, "application/pdf");

    // Declared too large: refused before any bytes move.
    let too_big = (10 * 1024 * 1024 + 1).to_string();
    let refused = call::<UploadTicket>(
        &app,
        &ada,
        StartUpload::PATH,
        &[
            ("course_id", &course.id.to_string()),
            ("kind", "image"),
            ("filename", "huge.png"),
            ("size_bytes", &too_big),
        ],
    )
    .await;
    assert_eq!(refused.err().map(|e| e.0), Some(422));

    // Declared small but the body is larger than the limit: cut off, nothing stored.
    let mut huge = PNG.to_vec();
    huge.resize(10 * 1024 * 1024 + 100, 0);
    let ticket: UploadTicket = call(
        &app,
        &ada,
        StartUpload::PATH,
        &[
            ("course_id", &course.id.to_string()),
            ("kind", "image"),
            ("filename", "liar.png"),
            ("size_bytes", "100"),
        ],
    )
    .await
    .expect("ticket");
    if ticket.url.starts_with('/') {
        let sent = ada
            .put(app.url(&ticket.url))
            .header("origin", app.url(""))
            .body(huge)
            .send()
            .await
            .expect("put");
        assert_eq!(sent.status(), 422);
    }
    let finish = call::<MediaInfo>(
        &app,
        &ada,
        FinishUpload::PATH,
        &[("media_id", &ticket.media_id.to_string())],
    )
    .await;
    assert_eq!(
        finish.err().map(|e| e.0),
        Some(422),
        "nothing arrived to finish"
    );
}

on_both_backends! {
    an_instructor_builds_publishes_and_serves_a_course => build_publish_and_serve;
    the_same_course_with_media_in_s3 => build_publish_and_serve_s3;
    other_instructors_and_learners_are_kept_out => others_are_kept_out;
    bad_uploads_are_refused_and_leave_nothing => bad_uploads_are_refused;
}
