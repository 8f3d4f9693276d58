//! The question bank over the REST API (`/api/v1/teach`): GIFT and CSV import, all or nothing
//! and once per `Idempotency-Key`, and GIFT export, each only on the caller's own courses.

use app::models::{ApiScope, Role};
use reqwest::Method;
use serde_json::json;

use crate::common::learning::instructor_and_course;
use crate::common::rest::{call, read, send, send_with, token};
use crate::common::{person, Backend, Sessions, TestApp};

const GIFT: &str = "::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}\n\n\
                    ::Sum:: 2 + 2 = ? {#4}\n";

async fn question_banks_import_all_or_nothing_and_export_gift(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 1).await;
    let bob = person(&app, "bob@example.org", Role::Instructor).await;
    let ada_token = token(&app, ada.id, &[ApiScope::Teach]).await;
    let bob_token = token(&app, bob.id, &[ApiScope::Teach]).await;
    let import = format!("/api/v1/teach/courses/{}/questions/import", c.id);
    let export = format!("/api/v1/teach/courses/{}/questions/export", c.id);

    let broken = format!("{GIFT}\n::Broken:: Which? {{=yes ~no\n");
    let (status, problem) = call(
        &app,
        Method::POST,
        &import,
        &ada_token,
        Some(json!({"format": "gift", "text": broken})),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    let lines = problem["lines"].as_array().expect("lines");
    assert!(
        !lines.is_empty() && lines[0]["line"].as_u64() >= Some(4),
        "{problem}"
    );
    let text = send(&app, Method::GET, &export, Some(&ada_token), None).await;
    let text = text.text().await.expect("text");
    assert!(
        !text.contains("capital of France"),
        "nothing was stored: {text}"
    );

    let body = json!({"format": "gift", "text": GIFT, "tags": ["week-1"]});
    let imported = send_with(
        &app,
        Method::POST,
        &import,
        &ada_token,
        Some(body.clone()),
        &[("Idempotency-Key", "import-1")],
    )
    .await;
    let (status, report) = read(imported).await;
    assert_eq!(
        (status, report["imported"].as_u64()),
        (201, Some(2)),
        "{report}"
    );
    let replay = send_with(
        &app,
        Method::POST,
        &import,
        &ada_token,
        Some(body),
        &[("Idempotency-Key", "import-1")],
    )
    .await;
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    let exported = send(&app, Method::GET, &export, Some(&ada_token), None).await;
    assert_eq!(exported.status().as_u16(), 200);
    assert!(exported.headers()["content-type"]
        .to_str()
        .unwrap_or_default()
        .starts_with("text/plain"));
    let gift = exported.text().await.expect("text");
    assert_eq!(
        gift.matches("capital of France").count(),
        1,
        "imported once: {gift}"
    );
    assert!(gift.contains("2 + 2"), "{gift}");
    let only = send(
        &app,
        Method::GET,
        &format!("{export}?tag=nope"),
        Some(&ada_token),
        None,
    )
    .await;
    assert!(!only.text().await.expect("text").contains("2 + 2"));
    let tagged = send(
        &app,
        Method::GET,
        &format!("{export}?tag=week-1"),
        Some(&ada_token),
        None,
    )
    .await;
    assert!(tagged.text().await.expect("text").contains("2 + 2"));
    let (status, _) = call(
        &app,
        Method::POST,
        &import,
        &ada_token,
        Some(json!({"format": "docx", "text": GIFT})),
    )
    .await;
    assert_eq!(status, 422);
    let (status, _) = call(&app, Method::GET, &export, &bob_token, None).await;
    assert_eq!(status, 403);
    let (status, _) = call(
        &app,
        Method::POST,
        &import,
        &bob_token,
        Some(json!({"format": "gift", "text": GIFT})),
    )
    .await;
    assert_eq!(status, 403);
}

on_both_backends! {
    rest_teach_bank => question_banks_import_all_or_nothing_and_export_gift;
}
