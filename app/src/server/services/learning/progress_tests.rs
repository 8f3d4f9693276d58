//! Progress summaries, "Continue", the daily counts, and a batch through the real schema.

use chrono::{NaiveDate, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use super::progress::continue_lesson;
use super::stats::{daily_counts, daily_revenue};
use super::*;
use crate::models::{LessonProgress, ProgressEventInput};
use crate::server::entities::{course, section};
use crate::server::services::accounts::test_support::{db, passwordless};

fn tick(id: i64, completed: bool) -> LessonProgress {
    LessonProgress {
        lesson_id: id,
        slug: format!("l{id}"),
        started: completed,
        position_seconds: 0.0,
        furthest_seconds: 0.0,
        duration_seconds: None,
        completed,
        completed_at: None,
    }
}

#[test]
fn continue_prefers_the_last_touched_lesson_unless_it_is_done() {
    let lessons = [tick(1, true), tick(2, false), tick(3, false)];
    assert_eq!(
        continue_lesson(&lessons, Some(3)).map(|l| l.lesson_id),
        Some(3)
    );
    assert_eq!(
        continue_lesson(&lessons, Some(1)).map(|l| l.lesson_id),
        Some(2),
        "done: the first incomplete lesson"
    );
    assert_eq!(
        continue_lesson(&lessons, Some(99)).map(|l| l.lesson_id),
        Some(2),
        "a deleted lesson is skipped"
    );
    assert_eq!(
        continue_lesson(&lessons, None).map(|l| l.lesson_id),
        Some(2)
    );
    let all_done = [tick(1, true), tick(2, true)];
    assert_eq!(
        continue_lesson(&all_done, Some(1)).map(|l| l.lesson_id),
        Some(2),
        "all done: the last lesson"
    );
    assert!(continue_lesson(&[], None).is_none());
}

#[test]
fn revenue_counts_sales_on_the_paid_day_and_refunds_on_the_refund_day() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).expect("date");
    let at = |d: u32| {
        Utc.with_ymd_and_hms(2026, 3, d, 12, 0, 0)
            .single()
            .expect("t")
    };
    // Paid on the 8th and refunded on the 10th; paid twice on the 10th; paid before the window
    // (the 1st) and refunded inside it (the 9th).
    let days = daily_revenue(
        &[
            (4999, at(8), Some(at(10))),
            (4999, at(10), None),
            (3999, at(10), None),
            (2000, at(1), Some(at(9))),
        ],
        today,
        3,
    );
    let shown: Vec<(&str, u64, i64, u64, i64, i64)> = days
        .iter()
        .map(|d| {
            (
                d.date.as_str(),
                d.sales,
                d.sales_cents,
                d.refunds,
                d.refunds_cents,
                d.net_cents(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("2026-03-08", 1, 4999, 0, 0, 4999),
            ("2026-03-09", 0, 0, 1, 2000, -2000),
            ("2026-03-10", 2, 8998, 1, 4999, 3999),
        ]
    );
}

#[test]
fn daily_counts_cover_every_day_oldest_first() {
    let today = NaiveDate::from_ymd_opt(2026, 3, 10).expect("date");
    let at = |d: u32, h: u32| {
        Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0)
            .single()
            .expect("t")
    };
    let counts = daily_counts(&[at(10, 1), at(10, 23), at(9, 12), at(1, 0)], today, 5);
    let shown: Vec<(&str, u64)> = counts.iter().map(|c| (c.date.as_str(), c.count)).collect();
    assert_eq!(
        shown,
        [
            ("2026-03-06", 0),
            ("2026-03-07", 0),
            ("2026-03-08", 0),
            ("2026-03-09", 1),
            ("2026-03-10", 2)
        ],
        "older enrollments fall outside the window"
    );
}

/// A published free course with two lessons; returns (course, [lesson ids]).
async fn course_with_two_lessons(db: &DatabaseConnection) -> (course::Model, Vec<i64>) {
    let owner = passwordless(db, "teacher@example.org", "instructor").await;
    let now = Utc::now();
    let course = course::ActiveModel {
        slug: Set("knots".into()),
        title: Set("Knots".into()),
        subtitle: Set(String::new()),
        description: Set(String::new()),
        category: Set("design".into()),
        level: Set("beginner".into()),
        language: Set("en".into()),
        price_cents: Set(0),
        currency: Set("USD".into()),
        status: Set(course::STATUS_PUBLISHED.into()),
        featured: Set(false),
        instructor_id: Set(owner.id),
        outcomes: Set(String::new()),
        requirements: Set(String::new()),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("course");
    let section = section::ActiveModel {
        course_id: Set(course.id),
        position: Set(0),
        title: Set("All".into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("section");
    let mut ids = Vec::new();
    for (position, slug) in ["first", "second"].into_iter().enumerate() {
        let l = lesson::ActiveModel {
            course_id: Set(course.id),
            section_id: Set(section.id),
            slug: Set(slug.into()),
            position: Set(position as i32),
            title: Set(slug.into()),
            kind: Set("video".into()),
            body: Set(String::new()),
            duration_seconds: Set(600),
            free_preview: Set(false),
            revision: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("lesson");
        ids.push(l.id);
    }
    (course, ids)
}

fn event(
    n: u32,
    lesson_id: i64,
    kind: &str,
    position: Option<f64>,
    at: &str,
) -> ProgressEventInput {
    ProgressEventInput {
        event_id: format!("00000000-0000-4000-8000-{n:012}"),
        lesson_id,
        kind: kind.into(),
        position_seconds: position,
        duration_seconds: position.map(|_| 600.0),
        client_at: at.into(),
    }
}

#[tokio::test]
async fn a_batch_is_merged_idempotently_and_completes_the_course_once() {
    let started = super::rfc3339(chrono::Utc::now() - chrono::Duration::seconds(1));
    let db = db().await;
    let (course, lessons) = course_with_two_lessons(&db).await;
    let learner = passwordless(&db, "lea@example.org", "learner").await;
    let outsider = passwordless(&db, "out@example.org", "learner").await;
    enroll(&db, &learner, "knots").await.expect("enroll");

    let batch = vec![
        event(
            1,
            lessons[0],
            "position",
            Some(300.0),
            "2026-01-01T10:00:05Z",
        ),
        event(
            2,
            lessons[0],
            "position",
            Some(100.0),
            "2026-01-01T10:00:01Z",
        ),
        event(3, lessons[0], "bogus", None, "2026-01-01T10:00:01Z"),
        event(
            1,
            lessons[0],
            "position",
            Some(300.0),
            "2026-01-01T10:00:05Z",
        ),
    ];
    let first = record(&db, &learner, batch.clone()).await.expect("record");
    let statuses: Vec<&str> = first.results.iter().map(|r| r.status.as_str()).collect();
    assert_eq!(statuses, ["applied", "applied", "rejected", "duplicate"]);
    let progress = &first.courses[0];
    assert_eq!(
        progress.lessons[0].position_seconds, 300.0,
        "latest client time wins"
    );
    assert_eq!(progress.continue_lesson_slug.as_deref(), Some("first"));

    let again = record(&db, &learner, batch).await.expect("replay");
    let statuses: Vec<&str> = again.results.iter().map(|r| r.status.as_str()).collect();
    assert_eq!(
        statuses,
        ["duplicate", "duplicate", "rejected", "duplicate"]
    );
    assert!(again.courses.is_empty(), "nothing changed");

    let stolen = record(
        &db,
        &outsider,
        vec![event(
            9,
            lessons[0],
            "started",
            None,
            "2026-01-01T10:00:00Z",
        )],
    )
    .await
    .expect("record");
    assert_eq!(stolen.results[0].status, "rejected", "not enrolled");

    let done = record(
        &db,
        &learner,
        vec![
            event(4, lessons[1], "completed", None, "2026-01-02T09:00:00Z"),
            event(
                5,
                lessons[0],
                "position",
                Some(550.0),
                "2026-01-02T08:00:00Z",
            ),
        ],
    )
    .await
    .expect("record");
    let progress = &done.courses[0];
    assert_eq!(progress.percent, 100);
    let completed = progress.completed_at.as_deref().expect("completed");
    assert!(
        completed > "2026-01-02T09:00:00.000Z" && completed >= started.as_str(),
        "the course completes at server time ({completed}), not the events' client time"
    );
    let reopened = course_progress(&db, learner.id, &course)
        .await
        .expect("progress");
    assert_eq!(reopened.completed_at, progress.completed_at);
}
