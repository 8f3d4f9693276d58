//! The instructor's REST endpoints (`/api/v1/teach`): reading their courses, writing drafts
//! and lessons with `ETag`/`If-Match`, and `Idempotency-Key` on creating POSTs, each only on
//! the caller's own courses. The curriculum is in `rest_curriculum.rs`, the question bank in
//! `rest_bank.rs`.

use app::models::{ApiScope, Role};
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::learning::instructor_and_course;
use crate::common::rest::{call, read, send, send_with, token};
use crate::common::{person, Backend, Sessions, TestApp};

async fn instructors_read_their_own_courses(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 2).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let ada_token = token(&app, ada.id, &[ApiScope::Teach]).await;
    let bob_token = token(&app, bob.id, &[ApiScope::Teach]).await;
    let (status, mine) = read(
        send(
            &app,
            Method::GET,
            "/api/v1/teach/courses",
            Some(&ada_token),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(mine[0]["slug"], "rust");
    let (_, none) = read(
        send(
            &app,
            Method::GET,
            "/api/v1/teach/courses",
            Some(&bob_token),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(none, json!([]));

    let stats_path = format!("/api/v1/teach/courses/{}/stats", c.id);
    let (status, stats) =
        read(send(&app, Method::GET, &stats_path, Some(&ada_token), None).await).await;
    assert_eq!((status, stats["course_slug"].as_str()), (200, Some("rust")));
    let (status, _) =
        read(send(&app, Method::GET, &stats_path, Some(&bob_token), None).await).await;
    assert_eq!(status, 403, "another instructor's course");
    let gradebook = format!("/api/v1/teach/courses/{}/gradebook", c.id);
    let (status, book) =
        read(send(&app, Method::GET, &gradebook, Some(&ada_token), None).await).await;
    assert_eq!((status, book["page"].as_u64()), (200, Some(1)));
    let (status, _) = read(
        send(
            &app,
            Method::GET,
            &format!("{gradebook}?page=0"),
            Some(&ada_token),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = read(
        send(
            &app,
            Method::GET,
            "/api/v1/teach/courses/x/stats",
            Some(&ada_token),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = read(
        send(
            &app,
            Method::GET,
            "/api/v1/teach/courses/999999/stats",
            Some(&ada_token),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 404);
}

/// A new draft's body.
fn draft(title: &str) -> Value {
    json!({"title": title, "category": "programming", "level": "beginner"})
}

async fn drafts_are_created_once_per_key_and_updated_against_their_etag(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let ada = person(&app, "ada@example.org", Role::Instructor).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let ada_token = token(&app, ada.id, &[ApiScope::Teach]).await;
    let bob_token = token(&app, bob.id, &[ApiScope::Teach]).await;
    let create = |body: Value, key: &'static str| {
        let app = &app;
        let ada_token = ada_token.clone();
        async move {
            send_with(
                app,
                Method::POST,
                "/api/v1/teach/courses",
                &ada_token,
                Some(body),
                &[("Idempotency-Key", key)],
            )
            .await
        }
    };

    // A rejected draft keeps nothing, so the same key works once the body is fixed.
    let (status, problem) = read(create(draft(""), "key-1").await).await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["title"].is_string(), "{problem}");
    let first = create(draft("Async Rust"), "key-1").await;
    assert_eq!(first.status().as_u16(), 201);
    let location = first.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let etag = first.headers()["etag"].to_str().expect("ascii").to_owned();
    assert!(first.headers().get("idempotent-replayed").is_none());
    let (_, created) = read(first).await;
    let id = created["id"].as_i64().expect("id");
    assert_eq!(location, format!("/api/v1/teach/courses/{id}"));
    assert_eq!(created["status"], "draft");
    assert_eq!(etag, format!("\"{}\"", created["revision"]));

    // The retry gets the same answer and creates nothing.
    let again = create(draft("Async Rust"), "key-1").await;
    assert_eq!(again.status().as_u16(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(
        again.headers()["location"].to_str().ok(),
        Some(location.as_str())
    );
    assert_eq!(again.headers()["etag"].to_str().ok(), Some(etag.as_str()));
    assert_eq!(read(again).await.1["id"], id);
    let (_, mine) = call(&app, Method::GET, "/api/v1/teach/courses", &ada_token, None).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(1), "{mine}");
    let (status, problem) = read(create(draft("Something else"), "key-1").await).await;
    assert_eq!(status, 422);
    assert!(problem["type"]
        .as_str()
        .unwrap_or_default()
        .ends_with("idempotency-key-reused"));
    let (status, _) = read(create(draft("Third"), "").await).await;
    assert_eq!(status, 400, "an empty key");
    // Another user's identical key is theirs alone.
    let bobs = send_with(
        &app,
        Method::POST,
        "/api/v1/teach/courses",
        &bob_token,
        Some(draft("Async Rust")),
        &[("Idempotency-Key", "key-1")],
    )
    .await;
    assert_eq!(bobs.status().as_u16(), 201);
    assert_ne!(read(bobs).await.1["id"], id);
    // A day later the key is forgotten (the sweeper deletes kept answers) and may be reused.
    let swept = lectern_server::rest::idempotency::sweep_expired(
        &app.db,
        chrono::Utc::now() + chrono::Duration::hours(25),
    )
    .await
    .expect("sweep");
    assert_eq!(swept, 2, "Ada's and Bob's");
    let (status, reused) = read(create(draft("Something else"), "key-1").await).await;
    assert_eq!(
        (status, reused["draft"]["title"].as_str()),
        (201, Some("Something else"))
    );

    // Updates name the version they edited.
    let path = format!("/api/v1/teach/courses/{id}");
    let mut edited = created["draft"].clone();
    edited["title"] = json!("Async Rust in practice");
    let (status, problem) = call(&app, Method::PUT, &path, &ada_token, Some(edited.clone())).await;
    assert_eq!(status, 428, "{problem}");
    let (status, _) = read(
        send_with(
            &app,
            Method::PUT,
            &path,
            &bob_token,
            Some(edited.clone()),
            &[],
        )
        .await,
    )
    .await;
    assert_eq!(
        status, 404,
        "another instructor's draft does not exist for Bob, If-Match or not"
    );
    let saved = send_with(
        &app,
        Method::PUT,
        &path,
        &ada_token,
        Some(edited.clone()),
        &[("If-Match", &etag)],
    )
    .await;
    assert_eq!(saved.status().as_u16(), 200);
    let new_etag = saved.headers()["etag"].to_str().expect("ascii").to_owned();
    assert_ne!(new_etag, etag);
    let mut stale = edited.clone();
    stale["title"] = json!("Overwritten by a stale copy");
    let (status, problem) = read(
        send_with(
            &app,
            Method::PUT,
            &path,
            &ada_token,
            Some(stale.clone()),
            &[("If-Match", &etag)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 412, "{problem}");
    let current = send(&app, Method::GET, &path, Some(&ada_token), None).await;
    assert_eq!(
        current.headers()["etag"].to_str().ok(),
        Some(new_etag.as_str())
    );
    assert_eq!(
        read(current).await.1["draft"]["title"],
        "Async Rust in practice"
    );
    let (status, overwritten) = read(
        send_with(
            &app,
            Method::PUT,
            &path,
            &ada_token,
            Some(stale),
            &[("If-Match", "*")],
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, overwritten["draft"]["title"].as_str()),
        (200, Some("Overwritten by a stale copy"))
    );
    let mut bad = edited;
    bad["level"] = json!("expert");
    let (status, problem) = read(
        send_with(
            &app,
            Method::PUT,
            &path,
            &ada_token,
            Some(bad),
            &[("If-Match", "*")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["level"].is_string(), "{problem}");
    let (status, _) = call(&app, Method::GET, &path, &bob_token, None).await;
    assert_eq!(status, 404);
    // Not ready: the reasons, by line.
    let (status, problem) = call(
        &app,
        Method::POST,
        &format!("{path}/publish"),
        &ada_token,
        None,
    )
    .await;
    assert_eq!(status, 422);
    let reasons = problem["errors"]["publish"].as_str().unwrap_or_default();
    assert!(
        reasons.contains("lesson") && reasons.contains("cover"),
        "{reasons}"
    );
}

async fn lessons_are_edited_against_their_etag(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 1).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let ada_token = token(&app, ada.id, &[ApiScope::Teach]).await;
    let bob_token = token(&app, bob.id, &[ApiScope::Teach]).await;
    let path = format!("/api/v1/teach/lessons/{}", c.lessons[0]);
    let read_back = send(&app, Method::GET, &path, Some(&ada_token), None).await;
    let etag = read_back.headers()["etag"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let (status, lesson) = read(read_back).await;
    assert_eq!((status, lesson["course_id"].as_i64()), (200, Some(c.id)));
    let mut draft = lesson["draft"].clone();
    draft["body"] = json!("# Ownership\n\nEvery value has one owner.");
    draft["duration_minutes"] = json!("12");

    let (status, _) = call(&app, Method::PUT, &path, &ada_token, Some(draft.clone())).await;
    assert_eq!(status, 428);
    let (status, _) = read(
        send_with(
            &app,
            Method::PUT,
            &path,
            &bob_token,
            Some(draft.clone()),
            &[("If-Match", &etag)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 403, "a published course's lesson, someone else's");
    let saved = send_with(
        &app,
        Method::PUT,
        &path,
        &ada_token,
        Some(draft.clone()),
        &[("If-Match", &etag)],
    )
    .await;
    assert_eq!(saved.status().as_u16(), 200);
    assert_ne!(saved.headers()["etag"].to_str().ok(), Some(etag.as_str()));
    let (_, saved) = read(saved).await;
    assert_eq!(saved["draft"]["duration_minutes"], "12");
    let mut late = draft.clone();
    late["body"] = json!("A stale copy.");
    let (status, _) = read(
        send_with(
            &app,
            Method::PUT,
            &path,
            &ada_token,
            Some(late),
            &[("If-Match", &etag)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 412);
    let (_, now) = call(&app, Method::GET, &path, &ada_token, None).await;
    assert!(now["draft"]["body"]
        .as_str()
        .unwrap_or_default()
        .contains("one owner"));
    let mut bad = draft;
    bad["video_url"] = json!("javascript:alert(1)");
    bad["kind"] = json!("video");
    let (status, problem) = read(
        send_with(
            &app,
            Method::PUT,
            &path,
            &ada_token,
            Some(bad),
            &[("If-Match", "*")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(problem["errors"]["video_url"].is_string(), "{problem}");
}

on_both_backends! {
    rest_teach_reads => instructors_read_their_own_courses;
    rest_teach_drafts => drafts_are_created_once_per_key_and_updated_against_their_etag;
    rest_teach_lessons => lessons_are_edited_against_their_etag;
}
