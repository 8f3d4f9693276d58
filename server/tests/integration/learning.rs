//! The learning journey's outcomes through the real router on SQLite and Postgres: course
//! completion, My learning, and course statistics.

use crate::common::courses::course;
use crate::common::learning::*;
use crate::common::{call, person, Backend, TestApp};
use app::api::learning::{Enroll, GetCourseStats, MyLearning, Unenroll};
use app::models::{CourseProgress, CourseStats, EnrolledCourse, Role};
use chrono::Utc;
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};

on_both_backends! {
    course_completes_once_every_lesson_is_done => course_completes_once_every_lesson_is_done;
    my_learning_says_where_to_continue => my_learning_says_where_to_continue;
    course_stats_count_enrolled_learners => course_stats_count_enrolled_learners;
}

async fn course_completes_once_every_lesson_is_done(backend: Backend) {
    let started = chrono::Utc::now();
    let app = TestApp::empty(backend).await;
    let (_ada, c) = instructor_and_course(&app, 3).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
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
    // The course completes at the server's time, whatever the events' client times say.
    let completed = p.completed_at.clone().expect("course completed");
    let completed_at = chrono::DateTime::parse_from_rfc3339(&completed).expect("a time");
    assert!(
        completed_at >= started - chrono::Duration::seconds(1),
        "completion at server time, not backdated to the client's {completed}"
    );
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
        Some(completed.as_str())
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
    assert_eq!(list[0].instructor_name, "Name ada@example.org");
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
