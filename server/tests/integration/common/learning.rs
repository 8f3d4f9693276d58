//! Learning-journey helpers: typed server-function calls, progress events and batches, and a
//! published course with its instructor.

use app::api::learning::{Enroll, GetCourseProgress, RecordProgress};
use app::models::{CourseProgress, RecordResult, Role};
use leptos::server_fn::ServerFn;
use serde_json::{json, Value};

use super::courses::{course, Fixture};
use super::{call, person, Person, Reply, TestApp};

/// Sends one batch of progress events as `who`.
pub async fn record(app: &TestApp, who: &Person, events: Value) -> Reply<RecordResult> {
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
pub fn event(n: u32, lesson_id: i64, kind: &str, position: Option<f64>, at: &str) -> Value {
    json!({
        "event_id": format!("6f1c2a3b-0000-4000-8000-{n:012}"),
        "lesson_id": lesson_id,
        "kind": kind,
        "position_seconds": position,
        "duration_seconds": position.map(|_| 600.0),
        "client_at": at,
    })
}

/// The status of each event in a batch result.
pub fn statuses(result: &RecordResult) -> Vec<&str> {
    result.results.iter().map(|r| r.status.as_str()).collect()
}

/// Ada (an instructor) and her published course `rust` with `lessons` lessons, the first a
/// free preview.
pub async fn instructor_and_course(app: &TestApp, lessons: usize) -> (Person, Fixture) {
    let ada = person(app, "ada@example.org", Role::Instructor).await;
    let c = course(app, ada.id, "rust", true, 0, lessons, &[0]).await;
    (ada, c)
}

/// `who`'s progress in course `slug`, `None` when not enrolled.
pub async fn progress(app: &TestApp, who: &Person, slug: &str) -> Option<CourseProgress> {
    call(app, &who.client, GetCourseProgress::PATH, &[("slug", slug)])
        .await
        .expect("progress")
}

/// A learner `email`, signed in and enrolled in the course `rust` of [`instructor_and_course`].
pub async fn enrolled_learner(app: &TestApp, email: &str) -> Person {
    let who = person(app, email, Role::Learner).await;
    call::<CourseProgress>(app, &who.client, Enroll::PATH, &[("slug", "rust")])
        .await
        .expect("enroll");
    who
}
