//! Who may learn what, through the real router on SQLite and Postgres: enrolling (free, paid,
//! drafts, unenrolling), lesson access for visitors, learners and editors, and lesson media for
//! enrolled learners.

use crate::common::courses::course;
use crate::common::learning::*;
use crate::common::{call, person, Backend, Reply, TestApp};
use app::api::catalogue::GetCourse;
use app::api::learning::{Enroll, GetLessonPage, Unenroll};
use app::error::AppError;
use app::models::{CourseDetail, CourseProgress, LessonPage, Role};
use app::server::entities::{lesson, media};
use chrono::Utc;
use leptos::server_fn::ServerFn;
use sea_orm::{ActiveModelTrait, Set};

on_both_backends! {
    enrolling_follows_the_rules => enrolling_follows_the_rules;
    lessons_open_to_preview_enrolled_and_editors => lessons_open_to_preview_enrolled_and_editors;
    lesson_media_is_served_to_enrolled_learners => lesson_media_is_served_to_enrolled_learners;
}

async fn enrolling_follows_the_rules(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, free) = instructor_and_course(&app, 2).await;
    let draft = course(&app, ada.id, "draft", false, 0, 1, &[]).await;
    let paid = course(&app, ada.id, "paid", true, 2999, 1, &[]).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;

    let anonymous = TestApp::new_client();
    let refused = call::<CourseProgress>(&app, &anonymous, Enroll::PATH, &[("slug", "rust")]).await;
    assert_eq!(refused.err().map(|e| e.0), Some(401));

    let hidden =
        call::<CourseProgress>(&app, &lea.client, Enroll::PATH, &[("slug", &draft.slug)]).await;
    assert_eq!(
        hidden.err().map(|e| e.0),
        Some(404),
        "drafts cannot be enrolled in"
    );
    let own_draft =
        call::<CourseProgress>(&app, &ada.client, Enroll::PATH, &[("slug", &draft.slug)]).await;
    assert_eq!(
        own_draft.err().map(|e| e.0),
        Some(404),
        "not even by their instructor"
    );
    match call::<CourseProgress>(&app, &lea.client, Enroll::PATH, &[("slug", &paid.slug)]).await {
        Err((409, Some(AppError::Conflict(message)))) => {
            assert_eq!(message, "This course is paid: buy it to enroll.")
        }
        other => panic!("paid course: {other:?}"),
    }
    assert_eq!(
        progress(&app, &lea, &paid.slug).await,
        None,
        "no enrollment was made"
    );

    let detail: CourseDetail = call(&app, &lea.client, GetCourse::PATH, &[("slug", "rust")])
        .await
        .expect("course page");
    assert!(!detail.enrolled && detail.progress.is_none());

    let first: CourseProgress = call(&app, &lea.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll");
    assert!(first.enrolled);
    assert_eq!(
        (first.completed_lessons, first.total_lessons, first.percent),
        (0, 2, 0)
    );
    assert_eq!(first.continue_lesson_slug.as_deref(), Some("l1"));
    let again: CourseProgress = call(&app, &lea.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enrolling twice is fine");
    assert_eq!(again, first);

    let detail: CourseDetail = call(&app, &lea.client, GetCourse::PATH, &[("slug", "rust")])
        .await
        .expect("course page");
    assert!(detail.enrolled);
    assert_eq!(detail.progress.as_ref().map(|p| p.total_lessons), Some(2));
    let anonymous_view: CourseDetail = call(&app, &anonymous, GetCourse::PATH, &[("slug", "rust")])
        .await
        .expect("course page");
    assert!(!anonymous_view.enrolled, "enrollment is per viewer");

    call::<()>(&app, &lea.client, Unenroll::PATH, &[("slug", "rust")])
        .await
        .expect("unenroll");
    assert_eq!(progress(&app, &lea, "rust").await, None);
    call::<()>(&app, &lea.client, Unenroll::PATH, &[("slug", "rust")])
        .await
        .expect("unenrolling twice is fine");
    let missing = call::<()>(&app, &lea.client, Unenroll::PATH, &[("slug", "nope")]).await;
    assert_eq!(missing.err().map(|e| e.0), Some(404));
    let _ = free;
}

async fn page(
    app: &TestApp,
    client: &reqwest::Client,
    course: &str,
    lesson: &str,
) -> Reply<LessonPage> {
    call(
        app,
        client,
        GetLessonPage::PATH,
        &[("course", course), ("lesson", lesson)],
    )
    .await
}

async fn lessons_open_to_preview_enrolled_and_editors(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, c) = instructor_and_course(&app, 3).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let anonymous = TestApp::new_client();

    let preview = page(&app, &anonymous, "rust", "l1").await.expect("preview");
    assert_eq!(preview.lesson.id, c.lessons[0]);
    assert!(preview.lesson.body_html.contains("<strong>1</strong>"));
    assert!(preview.progress.is_none() && !preview.enrolled && !preview.can_edit);
    assert_eq!(
        preview.next_lesson, None,
        "the next lesson is locked: nothing to prefetch"
    );
    for who in [&anonymous, &lea.client] {
        let locked = page(&app, who, "rust", "l2").await;
        assert_eq!(locked.err().map(|e| e.0), Some(403), "locked lesson");
    }
    let learner_preview = page(&app, &lea.client, "rust", "l1")
        .await
        .expect("preview");
    assert!(!learner_preview.enrolled);
    assert_eq!(learner_preview.progress.map(|p| p.enrolled), Some(false));
    let unknown = page(&app, &lea.client, "rust", "l9").await;
    assert_eq!(unknown.err().map(|e| e.0), Some(404));

    call::<CourseProgress>(&app, &lea.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll");
    let opened = page(&app, &lea.client, "rust", "l2")
        .await
        .expect("enrolled");
    assert!(opened.enrolled && !opened.can_edit);
    assert_eq!(opened.next_lesson.as_deref(), Some("l3"));
    assert_eq!(
        opened.lesson.previous.map(|l| l.slug).as_deref(),
        Some("l1")
    );
    let ticks = opened.progress.expect("progress").lessons;
    assert_eq!(
        ticks.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(),
        ["l1", "l2", "l3"],
        "curriculum order"
    );

    let editor = page(&app, &ada.client, "rust", "l3")
        .await
        .expect("instructor");
    assert!(editor.can_edit && !editor.enrolled);
    let draft = course(&app, ada.id, "draft", false, 0, 1, &[0]).await;
    let hidden = page(&app, &lea.client, &draft.slug, "l1").await;
    assert_eq!(
        hidden.err().map(|e| e.0),
        Some(404),
        "drafts stay hidden, previews too"
    );
    page(&app, &ada.client, &draft.slug, "l1")
        .await
        .expect("own draft");
}

async fn lesson_media_is_served_to_enrolled_learners(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, c) = instructor_and_course(&app, 2).await;
    let key = format!("courses/{}/test/notes.pdf", c.id);
    let path = app.media.join(&key);
    std::fs::create_dir_all(path.parent().expect("dir")).expect("mkdir");
    std::fs::write(&path, b"%PDF-1.4 lesson notes").expect("write");
    let m = media::ActiveModel {
        course_id: Set(c.id),
        uploader_id: Set(ada.id),
        kind: Set("attachment".into()),
        storage_key: Set(key),
        filename: Set("notes.pdf".into()),
        content_type: Set("application/pdf".into()),
        size_bytes: Set(21),
        status: Set(media::STATUS_READY.into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("media");
    let mut locked: lesson::ActiveModel = lesson::Entity::find_by_id(c.lessons[1])
        .one(&app.db)
        .await
        .expect("query")
        .expect("lesson")
        .into();
    locked.media_id = Set(Some(m.id));
    locked.kind = Set("file".into());
    locked.update(&app.db).await.expect("attach");
    use sea_orm::EntityTrait;

    let url = app.url(&format!("/media/{}/notes.pdf", m.id));
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let status = |client: reqwest::Client| {
        let url = url.clone();
        async move { client.get(url).send().await.expect("get").status().as_u16() }
    };
    assert_eq!(status(TestApp::new_client()).await, 401, "anonymous");
    assert_eq!(status(lea.client.clone()).await, 403, "not enrolled");
    call::<CourseProgress>(&app, &lea.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll");
    let served = lea.client.get(&url).send().await.expect("get");
    assert_eq!(served.status().as_u16(), 200, "enrolled");
    assert_eq!(
        served
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("private, no-store")
    );
    assert_eq!(
        served.bytes().await.expect("body").as_ref(),
        b"%PDF-1.4 lesson notes"
    );
    let page = page(&app, &lea.client, "rust", "l2").await.expect("page");
    assert_eq!(page.lesson.attachment.map(|a| a.id), Some(m.id));

    call::<()>(&app, &lea.client, Unenroll::PATH, &[("slug", "rust")])
        .await
        .expect("unenroll");
    assert_eq!(status(lea.client.clone()).await, 403, "after unenrolling");
}
