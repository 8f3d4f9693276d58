//! Numbers from clients are bounded at the edge: page numbers and revisions at the ends of their
//! types get an ordinary answer (an empty last page, a stale-edit conflict), never an overflow.

use crate::common::courses::quiz_course;
use crate::common::*;
use crate::common::{Backend, TestApp};
use app::api::authoring::{SaveCourse, SaveLesson};
use app::api::quiz::{GetGradebook, ListQuestions};
use app::error::AppError;
use app::models::{Gradebook, QuestionBank, Role};
use leptos::server_fn::ServerFn;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

on_both_backends! {
    huge_page_numbers_give_an_empty_page => huge_page_numbers_give_an_empty_page;
    revisions_at_the_ends_of_the_range_are_stale_edits => revisions_at_the_ends_of_the_range_are_stale_edits;
}

const HUGE: &str = "18446744073709551615";

async fn huge_page_numbers_give_an_empty_page(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "bounded").await;
    let cid = course.id.to_string();

    let book: Gradebook =
        ok(form::<GetGradebook>(&app, &teacher, &[("course_id", &cid), ("page", HUGE)]).await);
    assert!(book.rows.is_empty(), "past the last page: no rows");
    let bank: QuestionBank =
        ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &cid), ("page", HUGE)]).await);
    assert!(
        bank.questions.is_empty(),
        "past the last page: no questions"
    );

    let (status, body) = app.get(&format!("/courses?page={HUGE}")).await;
    assert_eq!(status, 200, "the catalogue answers a huge page number");
    assert!(!body.contains("Internal"), "{body:.300}");
}

async fn revisions_at_the_ends_of_the_range_are_stale_edits(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "revised").await;
    let draft = json!({
        "title": "Intro", "kind": "text", "body": "Hello", "video_url": "",
        "free_preview": false, "duration_minutes": "5"
    });
    for revision in [i32::MAX, -1, i32::MIN] {
        let reply = json_call::<SaveLesson>(
            &app,
            &teacher,
            json!({ "lesson_id": course.text_lesson, "revision": revision, "draft": draft }),
        )
        .await;
        assert_eq!(reply.0, 409, "lesson revision {revision}: {}", reply.1);
        assert!(matches!(err(reply), AppError::Conflict(_)));
    }
    let course_draft = json!({
        "title": "Revised", "slug": "revised", "subtitle": "", "description": "",
        "category": "programming", "level": "beginner", "language": "en", "price": "",
        "outcomes": "", "requirements": ""
    });
    let reply = json_call::<SaveCourse>(
        &app,
        &teacher,
        json!({ "course_id": course.id, "revision": i32::MAX, "draft": course_draft }),
    )
    .await;
    assert_eq!(reply.0, 409, "course revision i32::MAX: {}", reply.1);
}

on_both_backends! {
    oversized_bodies_are_refused_with_413 => oversized_bodies_are_refused_with_413;
}

/// A JSON call to the question import of exactly `size` bytes (padded in the text).
fn import_body(course_id: i64, size: usize) -> Vec<u8> {
    let head = format!(r#"{{"course_id":{course_id},"format":"gift","tags":[],"text":""#);
    let tail = r#""}"#;
    let mut body = head.into_bytes();
    body.resize(size - tail.len(), b'a');
    body.extend_from_slice(tail.as_bytes());
    body
}

async fn post_import(app: &TestApp, who: &Person, body: reqwest::Body) -> (u16, String) {
    use leptos::server_fn::ServerFn;
    let response = who
        .client
        .post(app.url(app::api::quiz::ImportQuestions::PATH))
        .header("origin", app.url(""))
        .header("accept", "application/json")
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// Posts to the question import over a plain connection: the head with `framing`, then
/// `body` (no more than the server reads); returns the answer's status and body.
async fn raw_import(app: &TestApp, framing: &str, body: Vec<u8>) -> (u16, String) {
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nAccept: application/json\r\n\
         Content-Type: application/json\r\n{framing}Connection: close\r\n\r\n",
        app::api::quiz::ImportQuestions::PATH,
        app.addr,
        app.url(""),
    );
    let stream = tokio::net::TcpStream::connect(app.addr)
        .await
        .expect("connect");
    let (mut reader, mut writer) = stream.into_split();
    writer.write_all(head.as_bytes()).await.expect("send head");
    // Written alongside the read: the server may answer before taking all of it.
    let sending = tokio::spawn(async move {
        let _ = writer.write_all(&body).await;
        writer
    });
    let mut answer = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(20),
        reader.read_to_end(&mut answer),
    )
    .await
    .expect("an answer, not a hang");
    drop(sending);
    let text = String::from_utf8_lossy(&answer).into_owned();
    assert!(
        read.is_ok() || text.contains("\r\n\r\n"),
        "{read:?}: {text:.300}"
    );
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b)
        .unwrap_or_default();
    // A chunked answer: the JSON is the chunk's content.
    let body = body
        .lines()
        .find(|l| l.trim_start().starts_with(['"', '{']))
        .unwrap_or(body)
        .to_owned();
    (status, body)
}

/// A 413 with the usual error body (not a 502 from a cut-off read).
fn assert_too_large(status: u16, body: &str) {
    assert_eq!(status, 413, "{body:.300}");
    assert!(
        matches!(
            serde_json::from_str::<AppError>(body),
            Ok(AppError::TooLarge)
        ),
        "{body:.300}"
    );
}

async fn oversized_bodies_are_refused_with_413(backend: Backend) {
    use lectern_server::limits::API_BODY_LIMIT;
    let app = TestApp::empty(backend).await;
    let teacher = person(&app, "teacher@example.org", Role::Instructor).await;
    let course = quiz_course(&app, teacher.id, "sized").await;

    // At the limit the request is read, and the import's own rule answers (1 MB of text).
    let (status, body) = post_import(
        &app,
        &teacher,
        import_body(course.id, API_BODY_LIMIT).into(),
    )
    .await;
    assert_eq!(status, 422, "{body:.300}");
    assert!(body.contains("at most 1 MB"), "{body:.300}");

    // Over the limit, declared (one byte over, and 64 MiB): refused before the body is read,
    // with the usual error body, not a 502. Only the head is sent, as a client waiting for
    // the server's verdict would (`Expect: 100-continue`).
    for declared in [API_BODY_LIMIT + 1, 64 * 1024 * 1024] {
        let (status, body) =
            raw_import(&app, &format!("Content-Length: {declared}\r\n"), Vec::new()).await;
        assert_too_large(status, &body);
    }

    // Streamed without a declared length: cut off as it passes the limit, still 413.
    let mut chunked = Vec::new();
    let chunk = vec![b'a'; 256 * 1024];
    for _ in 0..=(API_BODY_LIMIT / chunk.len()) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(&chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    let (status, body) = raw_import(&app, "Transfer-Encoding: chunked\r\n", chunked).await;
    assert_too_large(status, &body);

    // Nothing was imported by any of them.
    let bank: QuestionBank =
        ok(form::<ListQuestions>(&app, &teacher, &[("course_id", &course.id.to_string())]).await);
    assert_eq!(bank.total, 0);
}
