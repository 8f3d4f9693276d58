//! The learning journey through the real router, on SQLite and Postgres: enrolling, lesson
//! access, recording progress (idempotent, order-independent), course completion, My learning,
//! course statistics and media for enrolled learners.

mod common;

use app::api::catalogue::GetCourse;
use app::api::learning::{
    Enroll, GetCourseProgress, GetCourseStats, GetLessonPage, MyLearning, RecordProgress, Unenroll,
};
use app::error::AppError;
use app::models::{
    CourseDetail, CourseProgress, CourseStats, EnrolledCourse, LessonPage, RecordResult, Role,
};
use app::server::entities::{course, lesson, media, section};
use app::server::services::accounts;
use chrono::Utc;
use common::{Backend, TestApp, GOOD_PASSWORD};
use leptos::server_fn::ServerFn;
use sea_orm::{ActiveModelTrait, Set};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

on_both_backends! {
    enrolling_follows_the_rules => enrolling_follows_the_rules;
    lessons_open_to_preview_enrolled_and_editors => lessons_open_to_preview_enrolled_and_editors;
    replaying_a_batch_changes_nothing => replaying_a_batch_changes_nothing;
    late_events_never_move_progress_back => late_events_never_move_progress_back;
    concurrent_batches_merge => concurrent_batches_merge;
    bad_and_foreign_events_are_rejected_one_by_one => bad_and_foreign_events_are_rejected_one_by_one;
    course_completes_once_every_lesson_is_done => course_completes_once_every_lesson_is_done;
    my_learning_says_where_to_continue => my_learning_says_where_to_continue;
    course_stats_count_enrolled_learners => course_stats_count_enrolled_learners;
    lesson_media_is_served_to_enrolled_learners => lesson_media_is_served_to_enrolled_learners;
}

/// A signed-in browser.
struct Person {
    id: i64,
    client: reqwest::Client,
}

async fn person(app: &TestApp, email: &str, role: Role) -> Person {
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
    let client = TestApp::new_client();
    let reply = app
        .call_with(
            &client,
            app::api::account::SignIn::PATH,
            &[("email", email), ("password", GOOD_PASSWORD)],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 200, "sign in: {}", reply.body);
    Person {
        id: user.id,
        client,
    }
}

type Reply<T> = Result<T, (u16, Option<AppError>)>;

async fn call<T: DeserializeOwned>(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    args: &[(&str, &str)],
) -> Reply<T> {
    let reply = app.call_with(client, path, args, Some(&app.url(""))).await;
    if reply.status == 200 {
        Ok(serde_json::from_str(&reply.body).expect("decode reply"))
    } else {
        Err((reply.status, reply.error()))
    }
}

async fn record(app: &TestApp, who: &Person, events: Value) -> Reply<RecordResult> {
    let response = who
        .client
        .post(app.url(RecordProgress::PATH))
        .header("origin", app.url(""))
        .header("accept", "application/json")
        .json(&json!({ "events": events }))
        .send()
        .await
        .expect("record request");
    let status = response.status().as_u16();
    let body = response.text().await.expect("body");
    if status == 200 {
        Ok(serde_json::from_str(&body).expect("decode reply"))
    } else {
        Err((status, serde_json::from_str(&body).ok()))
    }
}

/// A progress event with a deterministic UUID `n`.
fn event(n: u32, lesson_id: i64, kind: &str, position: Option<f64>, at: &str) -> Value {
    json!({
        "event_id": format!("6f1c2a3b-0000-4000-8000-{n:012}"),
        "lesson_id": lesson_id,
        "kind": kind,
        "position_seconds": position,
        "duration_seconds": position.map(|_| 600.0),
        "client_at": at,
    })
}

fn statuses(result: &RecordResult) -> Vec<&str> {
    result.results.iter().map(|r| r.status.as_str()).collect()
}

/// A course built directly in the database.
struct Fixture {
    id: i64,
    slug: String,
    lessons: Vec<i64>,
}

/// A course of `instructor` with lessons named `l1`, `l2`, … in order; `previews` lists which
/// of them (0-based) are free previews.
async fn course(
    app: &TestApp,
    instructor: i64,
    slug: &str,
    published: bool,
    price_cents: i64,
    lessons: usize,
    previews: &[usize],
) -> Fixture {
    let now = Utc::now();
    let c = course::ActiveModel {
        slug: Set(slug.into()),
        title: Set(format!("Course {slug}")),
        subtitle: Set(String::new()),
        description: Set("About it.".into()),
        category: Set("programming".into()),
        level: Set("beginner".into()),
        language: Set("en".into()),
        price_cents: Set(price_cents),
        currency: Set("USD".into()),
        status: Set(if published { "published" } else { "draft" }.into()),
        featured: Set(false),
        instructor_id: Set(instructor),
        published_at: Set(published.then_some(now)),
        outcomes: Set(String::new()),
        requirements: Set(String::new()),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .expect("course");
    // Two sections, the second one first by id but second by position: order is by position.
    let mut sections = Vec::new();
    for (position, title) in [(1, "Later"), (0, "First")] {
        let s = section::ActiveModel {
            course_id: Set(c.id),
            position: Set(position),
            title: Set(title.into()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .expect("section");
        sections.push(s.id);
    }
    let mut ids = Vec::new();
    for i in 0..lessons {
        let (section_id, position) = if i < lessons.div_ceil(2) {
            (sections[1], i)
        } else {
            (sections[0], i)
        };
        let l = lesson::ActiveModel {
            course_id: Set(c.id),
            section_id: Set(section_id),
            slug: Set(format!("l{}", i + 1)),
            position: Set(position as i32),
            title: Set(format!("Lesson {}", i + 1)),
            kind: Set("video".into()),
            body: Set(format!("Lesson **{}** text.", i + 1)),
            duration_seconds: Set(600),
            free_preview: Set(previews.contains(&i)),
            revision: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .expect("lesson");
        ids.push(l.id);
    }
    Fixture {
        id: c.id,
        slug: slug.into(),
        lessons: ids,
    }
}

async fn instructor_and_course(app: &TestApp, lessons: usize) -> (Person, Fixture) {
    let ada = person(app, "ada@example.org", Role::Instructor).await;
    let c = course(app, ada.id, "rust", true, 0, lessons, &[0]).await;
    (ada, c)
}

async fn progress(app: &TestApp, who: &Person, slug: &str) -> Option<CourseProgress> {
    call(app, &who.client, GetCourseProgress::PATH, &[("slug", slug)])
        .await
        .expect("progress")
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
            assert_eq!(message, "This course is paid; purchasing arrives soon.")
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

async fn replaying_a_batch_changes_nothing(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_ada, c) = instructor_and_course(&app, 2).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    call::<CourseProgress>(&app, &lea.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll");
    let batch = json!([
        event(1, c.lessons[0], "started", None, "2026-03-01T10:00:00Z"),
        event(
            2,
            c.lessons[0],
            "position",
            Some(120.0),
            "2026-03-01T10:02:00Z"
        ),
        event(
            3,
            c.lessons[0],
            "position",
            Some(200.0),
            "2026-03-01T10:04:00Z"
        ),
        event(4, c.lessons[1], "started", None, "2026-03-01T10:05:00Z"),
    ]);
    let first = record(&app, &lea, batch.clone()).await.expect("record");
    assert_eq!(statuses(&first), ["applied"; 4]);
    assert_eq!(first.courses.len(), 1);
    let after_first = progress(&app, &lea, "rust").await.expect("enrolled");
    assert_eq!(
        first.courses[0], after_first,
        "the reply is the stored progress"
    );
    assert_eq!(after_first.lessons[0].position_seconds, 200.0);
    assert_eq!(after_first.continue_lesson_slug.as_deref(), Some("l2"));

    let replay = record(&app, &lea, batch).await.expect("replay");
    assert_eq!(statuses(&replay), ["duplicate"; 4]);
    assert!(replay.courses.is_empty(), "no course changed");
    assert_eq!(
        progress(&app, &lea, "rust").await.as_ref(),
        Some(&after_first)
    );

    let oversized: Vec<Value> = (0..501)
        .map(|n| {
            event(
                1000 + n,
                c.lessons[0],
                "started",
                None,
                "2026-03-01T10:00:00Z",
            )
        })
        .collect();
    match record(&app, &lea, json!(oversized)).await {
        Err((422, Some(AppError::Validation(fields)))) => assert!(fields.contains_key("events")),
        other => panic!("501 events: {other:?}"),
    }
    let exactly: Vec<Value> = (0..500)
        .map(|n| {
            event(
                1000 + n,
                c.lessons[0],
                "started",
                None,
                "2026-03-01T10:00:00Z",
            )
        })
        .collect();
    let full = record(&app, &lea, json!(exactly))
        .await
        .expect("500 events fit");
    assert!(full.results.iter().all(|r| r.status == "applied"));
}

async fn late_events_never_move_progress_back(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_ada, c) = instructor_and_course(&app, 2).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    call::<CourseProgress>(&app, &lea.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll");
    let lesson = c.lessons[1];
    record(
        &app,
        &lea,
        json!([event(
            1,
            lesson,
            "position",
            Some(300.0),
            "2026-03-01T10:10:00Z"
        )]),
    )
    .await
    .expect("newer first");
    // An offline tab syncs older events afterwards.
    let late = record(
        &app,
        &lea,
        json!([
            event(2, lesson, "position", Some(100.0), "2026-03-01T10:05:00Z"),
            event(3, lesson, "position", Some(400.0), "2026-03-01T10:01:00Z"),
        ]),
    )
    .await
    .expect("late");
    assert_eq!(statuses(&late), ["applied", "applied"]);
    let tick = &late.courses[0].lessons[1];
    assert_eq!(
        tick.position_seconds, 300.0,
        "the latest client time still wins"
    );
    assert_eq!(
        tick.furthest_seconds, 400.0,
        "but the furthest point counts"
    );
    assert!(!tick.completed);

    record(
        &app,
        &lea,
        json!([event(4, lesson, "completed", None, "2026-03-01T10:20:00Z")]),
    )
    .await
    .expect("complete");
    let after = record(
        &app,
        &lea,
        json!([
            event(5, lesson, "position", Some(0.0), "2026-03-01T10:30:00Z"),
            event(6, lesson, "started", None, "2026-03-01T09:00:00Z"),
        ]),
    )
    .await
    .expect("rewatch");
    let tick = &after.courses[0].lessons[1];
    assert!(tick.completed, "completion is never undone");
    assert_eq!(
        tick.completed_at.as_deref(),
        Some("2026-03-01T10:20:00.000Z")
    );
    assert_eq!(tick.position_seconds, 0.0, "rewatching from the start");
    assert_eq!(tick.furthest_seconds, 400.0);
}

async fn bad_and_foreign_events_are_rejected_one_by_one(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, c) = instructor_and_course(&app, 2).await;
    let other = course(&app, ada.id, "other", true, 0, 2, &[0]).await;
    let draft = course(&app, ada.id, "draft", false, 0, 1, &[0]).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    call::<CourseProgress>(&app, &lea.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll");
    let future = (Utc::now() + chrono::Duration::days(2)).to_rfc3339();
    let mut no_id = event(10, c.lessons[0], "started", None, "2026-03-01T10:00:00Z");
    no_id["event_id"] = json!("not-a-uuid");
    let result = record(
        &app,
        &lea,
        json!([
            event(
                1,
                c.lessons[1],
                "position",
                Some(30.0),
                "2026-03-01T10:00:00Z"
            ),
            event(
                2,
                c.lessons[0],
                "position",
                Some(-5.0),
                "2026-03-01T10:00:00Z"
            ),
            event(3, c.lessons[0], "position", None, "2026-03-01T10:00:00Z"),
            event(4, c.lessons[0], "skipped", None, "2026-03-01T10:00:00Z"),
            event(5, c.lessons[0], "started", None, "2019-06-01T10:00:00Z"),
            no_id,
            event(6, other.lessons[1], "started", None, "2026-03-01T10:00:00Z"),
            event(7, other.lessons[0], "started", None, "2026-03-01T10:00:00Z"),
            event(8, draft.lessons[0], "started", None, "2026-03-01T10:00:00Z"),
            event(9, 987_654, "started", None, "2026-03-01T10:00:00Z"),
            event(11, c.lessons[0], "started", None, &future),
        ]),
    )
    .await
    .expect("a mixed batch is answered per event");
    assert_eq!(
        statuses(&result),
        [
            "applied", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected",
            "applied", "rejected", "rejected", "applied"
        ]
    );
    let reasons: Vec<&str> = result
        .results
        .iter()
        .map(|r| r.reason.as_deref().unwrap_or(""))
        .collect();
    assert!(reasons[1].contains("position_seconds"), "{reasons:?}");
    assert!(reasons[3].contains("Unknown kind"), "{reasons:?}");
    assert!(reasons[4].contains("2020"), "{reasons:?}");
    assert!(reasons[5].contains("UUID"), "{reasons:?}");
    assert!(
        reasons[6].contains("Enroll"),
        "not enrolled in the other course: {reasons:?}"
    );
    assert_eq!(reasons[8], "Unknown lesson.", "drafts are not revealed");
    assert_eq!(reasons[9], "Unknown lesson.");
    let mut slugs: Vec<&str> = result
        .courses
        .iter()
        .map(|p| p.course_slug.as_str())
        .collect();
    slugs.sort_unstable();
    assert_eq!(slugs, ["other", "rust"], "the preview lesson's course too");
    let other_progress = result
        .courses
        .iter()
        .find(|p| p.course_slug == "other")
        .expect("other");
    assert!(!other_progress.enrolled && other_progress.lessons[0].started);
    let mine = result
        .courses
        .iter()
        .find(|p| p.course_slug == "rust")
        .expect("rust");
    assert!(
        mine.lessons[0].started,
        "the future-dated event was clamped, not refused"
    );

    // Another learner cannot claim an event id that is taken, nor see that it is someone's.
    let sam = person(&app, "sam@example.org", Role::Learner).await;
    call::<CourseProgress>(&app, &sam.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll");
    let taken = record(
        &app,
        &sam,
        json!([event(
            1,
            c.lessons[1],
            "completed",
            None,
            "2026-03-01T10:00:00Z"
        )]),
    )
    .await
    .expect("record");
    assert_eq!(statuses(&taken), ["rejected"]);
    let sams = progress(&app, &sam, "rust").await.expect("enrolled");
    assert!(!sams.lessons[1].started, "nothing recorded for Sam");

    let anonymous = TestApp::new_client();
    let refused = anonymous
        .post(app.url(RecordProgress::PATH))
        .header("origin", app.url(""))
        .json(&json!({"events": []}))
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status().as_u16(), 401);
}

async fn course_completes_once_every_lesson_is_done(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_ada, c) = instructor_and_course(&app, 3).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    call::<CourseProgress>(&app, &lea.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll");
    let two = record(
        &app,
        &lea,
        json!([
            event(1, c.lessons[0], "completed", None, "2026-03-01T10:00:00Z"),
            event(2, c.lessons[2], "completed", None, "2026-03-01T11:00:00Z"),
            event(
                3,
                c.lessons[1],
                "position",
                Some(539.0),
                "2026-03-01T12:00:00Z"
            ),
        ]),
    )
    .await
    .expect("record");
    let p = &two.courses[0];
    assert_eq!((p.completed_lessons, p.percent), (2, 66));
    assert_eq!(p.completed_at, None, "one lesson is still open");
    assert_eq!(p.continue_lesson_slug.as_deref(), Some("l2"));

    // 540 of 600 seconds is 90%: the video completes, and with it the course.
    let done = record(
        &app,
        &lea,
        json!([event(
            4,
            c.lessons[1],
            "position",
            Some(540.0),
            "2026-03-01T12:30:00Z"
        )]),
    )
    .await
    .expect("record");
    let p = &done.courses[0];
    assert_eq!((p.completed_lessons, p.percent), (3, 100));
    assert_eq!(p.completed_at.as_deref(), Some("2026-03-01T12:30:00.000Z"));
    assert_eq!(
        p.continue_lesson_slug.as_deref(),
        Some("l3"),
        "all done: the last lesson"
    );

    // Later (and earlier) events do not move the course's completion.
    let later = record(
        &app,
        &lea,
        json!([
            event(5, c.lessons[1], "completed", None, "2026-03-01T09:00:00Z"),
            event(
                6,
                c.lessons[0],
                "position",
                Some(0.0),
                "2026-03-02T09:00:00Z"
            ),
        ]),
    )
    .await
    .expect("record");
    assert_eq!(
        later.courses[0].completed_at.as_deref(),
        Some("2026-03-01T12:30:00.000Z")
    );
    assert_eq!(
        later.courses[0].lessons[1].completed_at.as_deref(),
        Some("2026-03-01T09:00:00.000Z")
    );

    // Unenrolling keeps progress; enrolling again restores it, completion included.
    call::<()>(&app, &lea.client, Unenroll::PATH, &[("slug", "rust")])
        .await
        .expect("unenroll");
    let back: CourseProgress = call(&app, &lea.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll again");
    assert_eq!((back.completed_lessons, back.percent), (3, 100));
    assert!(
        back.completed_at.is_some(),
        "the completion rule holds again"
    );
}

async fn my_learning_says_where_to_continue(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, c) = instructor_and_course(&app, 3).await;
    let other = course(&app, ada.id, "other", true, 0, 2, &[]).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let list: Vec<EnrolledCourse> = call(&app, &lea.client, MyLearning::PATH, &[])
        .await
        .expect("empty list");
    assert!(list.is_empty());
    for slug in ["rust", "other"] {
        call::<CourseProgress>(&app, &lea.client, Enroll::PATH, &[("slug", slug)])
            .await
            .expect("enroll");
    }
    record(
        &app,
        &lea,
        json!([event(
            1,
            c.lessons[1],
            "position",
            Some(60.0),
            "2030-01-01T10:00:00Z"
        )]),
    )
    .await
    .expect("record");
    // Clamped to now: 2030 is far ahead of the server's clock.
    let list: Vec<EnrolledCourse> = call(&app, &lea.client, MyLearning::PATH, &[])
        .await
        .expect("list");
    let order: Vec<&str> = list.iter().map(|e| e.slug.as_str()).collect();
    assert_eq!(order, ["rust", "other"], "most recently active first");
    assert_eq!(
        list[0].continue_lesson_slug.as_deref(),
        Some("l2"),
        "the last lesson touched"
    );
    assert_eq!(list[0].instructor_name, "Person");
    assert!(list[0].last_activity_at.is_some());
    assert_eq!(
        list[1].continue_lesson_slug.as_deref(),
        Some("l1"),
        "untouched: the first lesson"
    );
    assert_eq!(list[1].last_activity_at, None);
    assert_eq!((list[1].total_lessons, list[1].percent), (2, 0));

    let now = Utc::now();
    let at = |minutes: i64| (now - chrono::Duration::minutes(minutes)).to_rfc3339();
    record(
        &app,
        &lea,
        json!([event(2, c.lessons[1], "completed", None, &at(1))]),
    )
    .await
    .expect("record");
    let list: Vec<EnrolledCourse> = call(&app, &lea.client, MyLearning::PATH, &[])
        .await
        .expect("list");
    assert_eq!(
        list[0].continue_lesson_slug.as_deref(),
        Some("l1"),
        "the last lesson is done: the first incomplete one"
    );
    assert_eq!((list[0].completed_lessons, list[0].percent), (1, 33));

    let other_done = record(
        &app,
        &lea,
        json!([
            event(3, other.lessons[0], "completed", None, &at(0)),
            event(4, other.lessons[1], "completed", None, &at(0)),
        ]),
    )
    .await
    .expect("record");
    assert!(other_done.courses[0].completed_at.is_some());
    let list: Vec<EnrolledCourse> = call(&app, &lea.client, MyLearning::PATH, &[])
        .await
        .expect("list");
    assert_eq!(list[0].slug, "other", "now the most recent");
    assert_eq!(list[0].continue_lesson_slug.as_deref(), Some("l2"));
    assert!(list[0].completed_at.is_some());
}

async fn course_stats_count_enrolled_learners(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, c) = instructor_and_course(&app, 3).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let learners = [
        person(&app, "l1@example.org", Role::Learner).await,
        person(&app, "l2@example.org", Role::Learner).await,
        person(&app, "l3@example.org", Role::Learner).await,
    ];
    let visitor = person(&app, "visitor@example.org", Role::Learner).await;
    for who in &learners {
        call::<CourseProgress>(&app, &who.client, Enroll::PATH, &[("slug", "rust")])
            .await
            .expect("enroll");
    }
    let t = "2026-03-01T10:00:00Z";
    let all: Vec<Value> = c
        .lessons
        .iter()
        .enumerate()
        .map(|(i, l)| event(i as u32 + 1, *l, "completed", None, t))
        .collect();
    record(&app, &learners[0], json!(all))
        .await
        .expect("finisher");
    record(
        &app,
        &learners[1],
        json!([
            event(11, c.lessons[0], "completed", None, t),
            event(12, c.lessons[1], "started", None, t),
        ]),
    )
    .await
    .expect("halfway");
    // A visitor's preview progress is not an enrolled learner's.
    record(
        &app,
        &visitor,
        json!([event(21, c.lessons[0], "completed", None, t)]),
    )
    .await
    .expect("preview");

    let stats: CourseStats = call(
        &app,
        &ada.client,
        GetCourseStats::PATH,
        &[("course_id", &c.id.to_string())],
    )
    .await
    .expect("stats");
    assert_eq!(
        (stats.total_enrollments, stats.completed_enrollments),
        (3, 1)
    );
    assert!((stats.completion_rate - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(stats.enrollments_per_day.len(), 90);
    let today = Utc::now().format("%Y-%m-%d").to_string();
    let last = stats.enrollments_per_day.last().expect("today");
    assert_eq!((last.date.as_str(), last.count), (today.as_str(), 3));
    assert_eq!(
        stats
            .enrollments_per_day
            .iter()
            .map(|d| d.count)
            .sum::<u64>(),
        3
    );
    let funnel: Vec<(&str, u64, u64)> = stats
        .lessons
        .iter()
        .map(|l| (l.slug.as_str(), l.started, l.completed))
        .collect();
    assert_eq!(funnel, [("l1", 2, 2), ("l2", 2, 1), ("l3", 1, 1)]);

    let id = c.id.to_string();
    let learner = call::<CourseStats>(
        &app,
        &learners[0].client,
        GetCourseStats::PATH,
        &[("course_id", &id)],
    )
    .await;
    assert_eq!(learner.err().map(|e| e.0), Some(403));
    let stranger = call::<CourseStats>(
        &app,
        &bob.client,
        GetCourseStats::PATH,
        &[("course_id", &id)],
    )
    .await;
    assert_eq!(
        stranger.err().map(|e| e.0),
        Some(403),
        "another instructor's course"
    );
    let unknown = call::<CourseStats>(
        &app,
        &ada.client,
        GetCourseStats::PATH,
        &[("course_id", "999999")],
    )
    .await;
    assert_eq!(unknown.err().map(|e| e.0), Some(404));
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

/// Batches of one learner at once (two tabs and a syncing offline queue, say): first
/// disjoint ones on the same lesson, then ones sharing an event. Each event is applied exactly
/// once, none is lost, and the result equals one sequential batch of the same events.
async fn concurrent_batches_merge(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_ada, c) = instructor_and_course(&app, 2).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let sam = person(&app, "sam@example.org", Role::Learner).await;
    for who in [&lea, &sam] {
        call::<CourseProgress>(&app, &who.client, Enroll::PATH, &[("slug", "rust")])
            .await
            .expect("enroll");
    }
    let lesson = c.lessons[1];
    // Event n: position 10 * n at minute n (the last one is the furthest and the latest).
    let batch = |offset: u32, b: u32| -> Vec<Value> {
        (0..5)
            .map(|i| {
                let n = b * 5 + i;
                let at = format!("2026-03-01T10:{n:02}:00Z");
                event(offset + n, lesson, "position", Some(f64::from(n * 10)), &at)
            })
            .collect()
    };
    let shared = |offset: u32| {
        event(
            offset + 99,
            lesson,
            "completed",
            None,
            "2026-03-01T11:00:00Z",
        )
    };

    let disjoint = futures_util::future::join_all(
        [3, 0, 2, 1].map(|b| record(&app, &lea, json!(batch(0, b)))),
    )
    .await;
    for reply in &disjoint {
        assert_eq!(statuses(reply.as_ref().expect("answered")), ["applied"; 5]);
    }
    let after_disjoint = progress(&app, &lea, "rust").await.expect("lea");
    assert_eq!(
        after_disjoint.lessons[1].position_seconds, 190.0,
        "no update lost"
    );
    assert_eq!(after_disjoint.lessons[1].furthest_seconds, 190.0);

    let overlapping = futures_util::future::join_all((4..8).map(|b| {
        let mut events = batch(0, b);
        events.push(shared(0));
        record(&app, &lea, json!(events))
    }))
    .await;
    let mut shared_applied = 0;
    for reply in &overlapping {
        let reply = reply.as_ref().expect("every batch is answered");
        assert_eq!(statuses(reply)[..5], ["applied"; 5]);
        match reply.results[5].status.as_str() {
            "applied" => shared_applied += 1,
            other => assert_eq!(other, "duplicate"),
        }
    }
    assert_eq!(
        shared_applied, 1,
        "the shared event is applied exactly once"
    );

    let mut all: Vec<Value> = (0..8).flat_map(|b| batch(500, b)).collect();
    all.push(shared(500));
    record(&app, &sam, json!(all)).await.expect("one batch");
    let leas = progress(&app, &lea, "rust").await.expect("lea");
    let sams = progress(&app, &sam, "rust").await.expect("sam");
    assert_eq!(
        leas.lessons[1], sams.lessons[1],
        "same events, same progress"
    );
    assert_eq!(leas.lessons[1].position_seconds, 390.0);
    assert!(leas.lessons[1].completed);
}
