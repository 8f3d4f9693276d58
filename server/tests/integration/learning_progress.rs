//! Recording progress through the real router on SQLite and Postgres: batches are idempotent,
//! late events never move progress back, bad and foreign events are rejected one by one, and
//! concurrent batches merge.

use crate::common::courses::course;
use crate::common::learning::*;
use crate::common::{call, person, Backend, TestApp};
use app::api::learning::{Enroll, RecordProgress};
use app::error::AppError;
use app::models::{CourseProgress, Role};
use chrono::Utc;
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};

on_both_backends! {
    replaying_a_batch_changes_nothing => replaying_a_batch_changes_nothing;
    late_events_never_move_progress_back => late_events_never_move_progress_back;
    bad_and_foreign_events_are_rejected_one_by_one => bad_and_foreign_events_are_rejected_one_by_one;
    concurrent_batches_merge => concurrent_batches_merge;
}

async fn replaying_a_batch_changes_nothing(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_ada, c) = instructor_and_course(&app, 2).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
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

    // A batch of `n` "started" events (ids from 1000, none recorded yet).
    let batch_of = |n: u32| -> Vec<Value> {
        (0..n)
            .map(|i| {
                event(
                    1000 + i,
                    c.lessons[0],
                    "started",
                    None,
                    "2026-03-01T10:00:00Z",
                )
            })
            .collect()
    };
    match record(&app, &lea, json!(batch_of(501))).await {
        Err((422, Some(AppError::Validation(fields)))) => assert!(fields.contains_key("events")),
        other => panic!("501 events: {other:?}"),
    }
    let full = record(&app, &lea, json!(batch_of(500)))
        .await
        .expect("500 events fit");
    assert!(full.results.iter().all(|r| r.status == "applied"));
}

async fn late_events_never_move_progress_back(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (_ada, c) = instructor_and_course(&app, 2).await;
    let lea = enrolled_learner(&app, "lea@example.org").await;
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
    let lea = enrolled_learner(&app, "lea@example.org").await;
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
