//! The curriculum over the REST API (`/api/v1/teach`): sections and lessons added, renamed,
//! reordered and deleted, and publishing, each only on the caller's own courses.

use app::models::{ApiScope, Role};
use app::server::entities::course;
use reqwest::Method;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::{json, Value};

use crate::common::learning::instructor_and_course;
use crate::common::rest::{call, read, send, send_with, token};
use crate::common::{person, Backend, Sessions, TestApp};

async fn the_curriculum_and_publishing_follow_the_editor_rules(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 1).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let ada_token = token(&app, ada.id, &[ApiScope::Teach]).await;
    let bob_token = token(&app, bob.id, &[ApiScope::Teach]).await;
    let sections = format!("/api/v1/teach/courses/{}/sections", c.id);
    let add = send_with(
        &app,
        Method::POST,
        &sections,
        &ada_token,
        Some(json!({"title": "Going further"})),
        &[("Idempotency-Key", "\"section-1\"")],
    )
    .await;
    assert_eq!(add.status().as_u16(), 201);
    let (_, outline) = read(add).await;
    let replay = send_with(
        &app,
        Method::POST,
        &sections,
        &ada_token,
        Some(json!({"title": "Going further"})),
        &[("Idempotency-Key", "\"section-1\"")],
    )
    .await;
    assert_eq!(read(replay).await.1, outline, "the retry added nothing");
    let list = outline.as_array().expect("outline");
    let before = list.len() - 1;
    let new_section = list.last().expect("section")["id"].as_i64().expect("id");
    assert_eq!(list.last().expect("section")["title"], "Going further");
    let (status, _) = call(
        &app,
        Method::POST,
        &sections,
        &bob_token,
        Some(json!({"title": "Hijack"})),
    )
    .await;
    assert_eq!(status, 403);

    let lessons = format!("/api/v1/teach/sections/{new_section}/lessons");
    let (status, problem) = call(
        &app,
        Method::POST,
        &lessons,
        &ada_token,
        Some(json!({"title": "Streams", "kind": "hologram"})),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    let (status, outline) = call(
        &app,
        Method::POST,
        &lessons,
        &ada_token,
        Some(json!({"title": "Streams", "kind": "text"})),
    )
    .await;
    assert_eq!(status, 201);
    let last = outline
        .as_array()
        .and_then(|s| s.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(last["lessons"][0]["title"], "Streams");
    let lesson = last["lessons"][0]["id"].as_i64().expect("lesson id");
    let (status, outline) = call(
        &app,
        Method::PUT,
        &format!("/api/v1/teach/sections/{new_section}"),
        &ada_token,
        Some(json!({"title": "Further still"})),
    )
    .await;
    assert_eq!(status, 200);
    assert!(outline.to_string().contains("Further still"));

    // The new order must name every section and lesson exactly once.
    let order: Vec<Value> = outline
        .as_array()
        .expect("outline")
        .iter()
        .rev()
        .map(|s| {
            json!({"id": s["id"], "lessons": s["lessons"].as_array().expect("lessons")
                .iter().map(|l| l["id"].clone()).collect::<Vec<_>>()})
        })
        .collect();
    let curriculum = format!("/api/v1/teach/courses/{}/curriculum", c.id);
    let (status, reordered) = call(
        &app,
        Method::PUT,
        &curriculum,
        &ada_token,
        Some(json!({"sections": order})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(reordered[0]["id"], new_section);
    let (status, _) = call(
        &app,
        Method::PUT,
        &curriculum,
        &ada_token,
        Some(json!({"sections": [{"id": new_section, "lessons": [lesson]}]})),
    )
    .await;
    assert_eq!(status, 409, "a section left out");
    let (status, outline) = call(
        &app,
        Method::DELETE,
        &format!("/api/v1/teach/lessons/{lesson}"),
        &ada_token,
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(!outline.to_string().contains("Streams"));
    let (status, _) = call(
        &app,
        Method::DELETE,
        &format!("/api/v1/teach/sections/{new_section}"),
        &bob_token,
        None,
    )
    .await;
    assert_eq!(status, 403);
    let (status, outline) = call(
        &app,
        Method::DELETE,
        &format!("/api/v1/teach/sections/{new_section}"),
        &ada_token,
        None,
    )
    .await;
    assert_eq!(
        (status, outline.as_array().map(Vec::len)),
        (200, Some(before))
    );

    // Unpublished, the course leaves the catalogue; published again, it is back.
    let course_path = format!("/api/v1/teach/courses/{}", c.id);
    let (status, editor) = call(
        &app,
        Method::POST,
        &format!("{course_path}/unpublish"),
        &ada_token,
        None,
    )
    .await;
    assert_eq!((status, editor["status"].as_str()), (200, Some("draft")));
    let (status, _) = read(send(&app, Method::GET, "/api/v1/courses/rust", None, None).await).await;
    assert_eq!(status, 404);
    let mut with_cover: course::ActiveModel = course::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("course")
        .into();
    with_cover.cover_url = Set(Some("/covers/rust.svg".into()));
    with_cover.update(&app.db).await.expect("cover");
    let (status, _) = call(
        &app,
        Method::POST,
        &format!("{course_path}/publish"),
        &bob_token,
        None,
    )
    .await;
    assert_eq!(status, 404, "someone else's draft is not there for Bob");
    let (status, editor) = call(
        &app,
        Method::POST,
        &format!("{course_path}/publish"),
        &ada_token,
        None,
    )
    .await;
    assert_eq!(
        (status, editor["status"].as_str()),
        (200, Some("published"))
    );
    let (status, _) = read(send(&app, Method::GET, "/api/v1/courses/rust", None, None).await).await;
    assert_eq!(status, 200);
}

on_both_backends! {
    rest_teach_curriculum => the_curriculum_and_publishing_follow_the_editor_rules;
}
