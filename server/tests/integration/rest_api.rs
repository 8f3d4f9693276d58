//! The REST API (`/api/v1`) through the real router: problem details, paging links, rate-limit
//! headers, token scopes, and the learner's endpoints behaving as the server functions do.

use app::models::{ApiScope, Role};
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::courses::course;
use crate::common::learning::instructor_and_course;
use crate::common::rest::{read, send, token};
use crate::common::{person, Backend, Sessions, TestApp};

/// A progress event for lesson `lesson_id`.
fn completed(id: &str, lesson_id: i64) -> Value {
    json!({
        "event_id": id,
        "lesson_id": lesson_id,
        "kind": "completed",
        "client_at": "2026-03-01T10:00:00Z",
    })
}

async fn the_catalogue_and_the_document_are_public(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, _c) = instructor_and_course(&app, 2).await;
    for n in 0..13 {
        course(&app, ada.id, &format!("extra-{n:02}"), true, 0, 1, &[]).await;
    }

    let response = send(
        &app,
        Method::GET,
        "/api/v1/courses?level=beginner",
        None,
        None,
    )
    .await;
    let link = response.headers()["link"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert_eq!(response.headers()["ratelimit-limit"], "300");
    assert_eq!(response.headers()["ratelimit-remaining"], "299");
    let (status, page) = read(response).await;
    assert_eq!(status, 200);
    assert_eq!(
        (page["total"].as_u64(), page["page"].as_u64()),
        (Some(14), Some(1))
    );
    assert!(
        link.contains("</api/v1/courses?level=beginner&page=2>; rel=\"next\""),
        "{link}"
    );
    assert!(!link.contains("rel=\"prev\""), "{link}");

    let (status, detail) =
        read(send(&app, Method::GET, "/api/v1/courses/rust", None, None).await).await;
    assert_eq!(status, 200);
    assert_eq!(detail["title"], "Course rust");
    assert_eq!(detail["sections"].as_array().map(Vec::len), Some(2));

    let (status, missing) =
        read(send(&app, Method::GET, "/api/v1/courses/nope", None, None).await).await;
    assert_eq!(status, 404);
    assert_eq!(missing["type"], "https://lectern.dev/problems/not-found");
    let (status, bad) =
        read(send(&app, Method::GET, "/api/v1/courses?page=0", None, None).await).await;
    assert_eq!(status, 422);
    assert_eq!(bad["errors"]["page"], "Pages run from 1 to 10000.");
    let (status, _) =
        read(send(&app, Method::GET, "/api/v1/courses?page=two", None, None).await).await;
    assert_eq!(status, 400);
    let (status, _) =
        read(send(&app, Method::GET, "/api/v1/no-such-thing", None, None).await).await;
    assert_eq!(status, 404);

    let (status, document) =
        read(send(&app, Method::GET, "/api/v1/openapi.json", None, None).await).await;
    assert_eq!(status, 200);
    assert!(
        document["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")),
        "{}",
        document["openapi"]
    );
    let paths: Vec<&str> = document["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        paths,
        [
            "/api/v1/admin/users",
            "/api/v1/admin/users/{id}/role",
            "/api/v1/courses",
            "/api/v1/courses/{slug}",
            "/api/v1/me",
            "/api/v1/me/enrollments",
            "/api/v1/me/enrollments/{slug}",
            "/api/v1/me/progress",
            "/api/v1/teach/courses",
            "/api/v1/teach/courses/{id}",
            "/api/v1/teach/courses/{id}/curriculum",
            "/api/v1/teach/courses/{id}/gradebook",
            "/api/v1/teach/courses/{id}/publish",
            "/api/v1/teach/courses/{id}/questions/export",
            "/api/v1/teach/courses/{id}/questions/import",
            "/api/v1/teach/courses/{id}/sections",
            "/api/v1/teach/courses/{id}/stats",
            "/api/v1/teach/courses/{id}/unpublish",
            "/api/v1/teach/lessons/{id}",
            "/api/v1/teach/sections/{id}",
            "/api/v1/teach/sections/{id}/lessons",
        ]
    );
    // Errors are documented as the problem details they are.
    let not_found = &document["paths"]["/api/v1/teach/courses/{id}"]["get"]["responses"]["404"];
    assert!(
        not_found["content"]["application/problem+json"].is_object()
            && not_found["content"]["application/json"].is_null(),
        "{not_found}"
    );
    assert!(document["components"]["schemas"]["Problem"].is_object());
    assert!(document["components"]["securitySchemes"]["bearer"].is_object());
}

async fn tokens_act_within_their_scopes(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 2).await;
    course(&app, ada.id, "paid", true, 4900, 1, &[]).await;
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let reader = token(&app, lea.id, &[ApiScope::Read]).await;
    let learner = token(&app, lea.id, &[ApiScope::Read, ApiScope::Learn]).await;

    // Without credentials, or with a token that does not authenticate: 401.
    for (path, token) in [("/api/v1/me", None), ("/api/v1/me", Some("lct_nope"))] {
        let response = send(&app, Method::GET, path, token, None).await;
        assert_eq!(
            response.headers()["www-authenticate"],
            "Bearer realm=\"lectern\""
        );
        assert_eq!(read(response).await.0, 401);
    }
    let (status, me) = read(send(&app, Method::GET, "/api/v1/me", Some(&reader), None).await).await;
    assert_eq!(
        (status, me["email"].as_str()),
        (200, Some("lea@example.org"))
    );

    // A read-only token may look but not enroll.
    let (status, refused) = read(
        send(
            &app,
            Method::PUT,
            "/api/v1/me/enrollments/rust",
            Some(&reader),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(
        refused["type"],
        "https://lectern.dev/problems/insufficient-scope"
    );
    // A limited token is for the REST API only, not the private server functions.
    let private = reqwest::Client::new()
        .post(app.url(<app::api::learning::MyLearning as leptos::server_fn::ServerFn>::PATH))
        .bearer_auth(&learner)
        .send()
        .await
        .expect("call");
    assert_eq!(private.status().as_u16(), 403);

    // Enrolling twice is one enrollment; a paid course is refused with the reason.
    for _ in 0..2 {
        let (status, progress) = read(
            send(
                &app,
                Method::PUT,
                "/api/v1/me/enrollments/rust",
                Some(&learner),
                None,
            )
            .await,
        )
        .await;
        assert_eq!((status, progress["enrolled"].as_bool()), (200, Some(true)));
    }
    let (status, paid) = read(
        send(
            &app,
            Method::PUT,
            "/api/v1/me/enrollments/paid",
            Some(&learner),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 409, "{paid}");
    let (_, mine) = read(
        send(
            &app,
            Method::GET,
            "/api/v1/me/enrollments",
            Some(&reader),
            None,
        )
        .await,
    )
    .await;
    let slugs: Vec<&str> = mine
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|e| e["slug"].as_str())
        .collect();
    assert_eq!(slugs, ["rust"]);

    // Progress as the player records it: applied once, then a duplicate.
    let batch =
        json!({ "events": [completed("0195f0a0-0000-7000-8000-000000000001", c.lessons[0])] });
    let (status, first) = read(
        send(
            &app,
            Method::POST,
            "/api/v1/me/progress",
            Some(&learner),
            Some(batch.clone()),
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["results"][0]["status"], "applied");
    assert_eq!(first["courses"][0]["completed_lessons"], 1);
    let (_, again) = read(
        send(
            &app,
            Method::POST,
            "/api/v1/me/progress",
            Some(&learner),
            Some(batch),
        )
        .await,
    )
    .await;
    assert_eq!(again["results"][0]["status"], "duplicate");
    let (status, _) = read(
        send(
            &app,
            Method::POST,
            "/api/v1/me/progress",
            Some(&learner),
            Some(json!({"events": "no"})),
        )
        .await,
    )
    .await;
    assert_eq!(status, 400);
    let too_many: Vec<Value> = (0..501)
        .map(|n| completed(&format!("0195f0a0-0000-7000-8000-{n:012}"), c.lessons[1]))
        .collect();
    let (status, over) = read(
        send(
            &app,
            Method::POST,
            "/api/v1/me/progress",
            Some(&learner),
            Some(json!({ "events": too_many })),
        )
        .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(over["errors"]["events"].is_string(), "{over}");

    // Unenrolling keeps the progress for later.
    let (status, kept) = read(
        send(
            &app,
            Method::DELETE,
            "/api/v1/me/enrollments/rust",
            Some(&learner),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            kept["enrolled"].as_bool(),
            kept["completed_lessons"].as_u64()
        ),
        (Some(false), Some(1))
    );
}

async fn clients_are_rate_limited_with_headers(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    for n in 0..300u32 {
        let response = send(&app, Method::GET, "/api/v1/not-here", None, None).await;
        assert_eq!(response.status().as_u16(), 404, "request {n}");
        assert_eq!(
            response.headers()["ratelimit-remaining"],
            (299 - n).to_string().as_str()
        );
    }
    let response = send(&app, Method::GET, "/api/v1/courses", None, None).await;
    let retry: u64 = response.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry));
    assert_eq!(response.headers()["ratelimit-remaining"], "0");
    assert_eq!(read(response).await.0, 429);
}

on_both_backends! {
    rest_catalogue => the_catalogue_and_the_document_are_public;
    rest_scopes => tokens_act_within_their_scopes;
    rest_rate_limits => clients_are_rate_limited_with_headers;
}
