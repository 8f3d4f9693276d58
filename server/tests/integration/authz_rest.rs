//! The authorization matrix of the REST API: every operation the OpenAPI document lists has a
//! row here saying who may call it, and each row is checked without credentials, with a token
//! lacking the scope, and with one holding it.

use app::models::{ApiScope, Role};
use app::server::services::accounts::api_tokens;
use reqwest::Method;
use serde_json::{json, Value};

use crate::common::learning::instructor_and_course;
use crate::common::{person, Backend, Sessions, TestApp};

/// Who may call an operation.
#[derive(Clone, Copy)]
enum Need {
    /// Anyone; a token must still have `read`.
    Public,
    /// A token (or session) with this scope.
    Scope(ApiScope),
}

/// (method, path as the document names it, who may call it).
const ROWS: &[(&str, &str, Need)] = &[
    ("get", "/api/v1/courses", Need::Public),
    ("get", "/api/v1/courses/{slug}", Need::Public),
    ("get", "/api/v1/me", Need::Scope(ApiScope::Read)),
    ("get", "/api/v1/me/enrollments", Need::Scope(ApiScope::Read)),
    (
        "put",
        "/api/v1/me/enrollments/{slug}",
        Need::Scope(ApiScope::Learn),
    ),
    (
        "delete",
        "/api/v1/me/enrollments/{slug}",
        Need::Scope(ApiScope::Learn),
    ),
    ("post", "/api/v1/me/progress", Need::Scope(ApiScope::Learn)),
];

/// The status of `method path` with `token`.
async fn status(app: &TestApp, method: &str, path: &str, token: Option<&str>) -> u16 {
    let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
    let url = app.url(&path.replace("{slug}", "rust"));
    let mut request = reqwest::Client::new().request(method.clone(), url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if method == Method::POST {
        request = request.json(&json!({ "events": [] }));
    }
    request.send().await.expect("request").status().as_u16()
}

async fn every_rest_operation_has_a_row_and_keeps_to_it(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let _ = instructor_and_course(&app, 1).await;
    let document: Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .expect("document")
        .json()
        .await
        .expect("json");
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("operations").keys() {
            documented.push((method.clone(), path.clone()));
        }
    }
    let mut listed: Vec<(String, String)> = ROWS
        .iter()
        .map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    documented.sort();
    listed.sort();
    assert_eq!(
        documented, listed,
        "every documented operation has exactly one row"
    );

    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let teach_only = api_tokens::create_scoped(&app.db, lea.id, "t", &[ApiScope::Teach])
        .await
        .expect("token")
        .secret;
    for (method, path, need) in ROWS {
        let anonymous = status(&app, method, path, None).await;
        let lacking = status(&app, method, path, Some(&teach_only)).await;
        match need {
            Need::Public => assert!(anonymous < 400, "{method} {path}: {anonymous}"),
            Need::Scope(_) => assert_eq!(anonymous, 401, "{method} {path}"),
        }
        assert_eq!(lacking, 403, "{method} {path} with a teach-only token");
        let scope = match need {
            Need::Public => ApiScope::Read,
            Need::Scope(scope) => *scope,
        };
        let holder = api_tokens::create_scoped(&app.db, lea.id, "s", &[scope])
            .await
            .expect("token");
        let allowed = status(&app, method, path, Some(&holder.secret)).await;
        assert!(
            allowed != 401 && allowed != 403,
            "{method} {path} with the {} scope: {allowed}",
            scope.key()
        );
        api_tokens::revoke(&app.db, lea.id, holder.info.id)
            .await
            .expect("revoke");
    }
}

on_both_backends! {
    authz_rest => every_rest_operation_has_a_row_and_keeps_to_it;
}
