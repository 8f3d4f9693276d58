//! Authoring's refusals through the real router, on SQLite and Postgres: others are kept out of
//! drafts and of someone else's uploads, and bad uploads are refused without leaving anything.

use crate::common::authoring::*;
use crate::common::{call, person, Backend, TestApp};
use app::api::authoring::{
    AddLesson, FinishUpload, GetCourseEditor, PublishCourse, SetCourseCover, StartUpload,
    UnpublishCourse,
};
use app::error::AppError;
use app::models::{CourseEditor, EditorSection, MediaInfo, Role, UploadTicket};
use leptos::server_fn::ServerFn;

on_both_backends! {
    other_instructors_and_learners_are_kept_out => others_are_kept_out;
    bad_uploads_are_refused_and_leave_nothing => bad_uploads_are_refused;
}

async fn others_are_kept_out(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let ada = person(&app, "ada@example.org", Role::Instructor)
        .await
        .client;
    let bob = person(&app, "bob@example.org", Role::Instructor)
        .await
        .client;
    let lea = person(&app, "lea@example.org", Role::Learner).await.client;
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
    let ada = person(&app, "ada@example.org", Role::Instructor)
        .await
        .client;
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
