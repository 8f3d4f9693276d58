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

/// (method, path as the document names it, who may call it). `teach` operations are called
/// by the course's instructor, the others by a learner.
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
    ("get", "/api/v1/teach/courses", Need::Scope(ApiScope::Teach)),
    (
        "get",
        "/api/v1/teach/courses/{id}/gradebook",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "get",
        "/api/v1/teach/courses/{id}/stats",
        Need::Scope(ApiScope::Teach),
    ),
];

/// The status of `method path` (for course `course`) with `token`.
async fn status(app: &TestApp, method: &str, path: &str, course: i64, token: Option<&str>) -> u16 {
    let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
    let url = app.url(
        &path
            .replace("{slug}", "rust")
            .replace("{id}", &course.to_string()),
    );
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
    let (ada, c) = instructor_and_course(&app, 1).await;
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
    for (method, path, need) in ROWS {
        let scope = match need {
            Need::Public => ApiScope::Read,
            Need::Scope(scope) => *scope,
        };
        let who = if scope == ApiScope::Teach {
            ada.id
        } else {
            lea.id
        };
        let anonymous = status(&app, method, path, c.id, None).await;
        match need {
            Need::Public => assert!(anonymous < 400, "{method} {path}: {anonymous}"),
            Need::Scope(_) => assert_eq!(anonymous, 401, "{method} {path}"),
        }
        let others: Vec<ApiScope> = ApiScope::ALL.into_iter().filter(|s| *s != scope).collect();
        let lacking = api_tokens::create_scoped(&app.db, who, "others", &others)
            .await
            .expect("token");
        let holder = api_tokens::create_scoped(&app.db, who, "holder", &[scope])
            .await
            .expect("token");
        assert_eq!(
            status(&app, method, path, c.id, Some(&lacking.secret)).await,
            403,
            "{method} {path} with every scope but {}",
            scope.key()
        );
        let allowed = status(&app, method, path, c.id, Some(&holder.secret)).await;
        assert!(
            allowed != 401 && allowed != 403,
            "{method} {path} with the {} scope: {allowed}",
            scope.key()
        );
        for token in [lacking, holder] {
            api_tokens::revoke(&app.db, who, token.info.id)
                .await
                .expect("revoke");
        }
    }
    // The role still counts: a learner's token with `teach` is refused.
    let teach = api_tokens::create_scoped(&app.db, lea.id, "t", &[ApiScope::Teach])
        .await
        .expect("token");
    assert_eq!(
        status(
            &app,
            "get",
            "/api/v1/teach/courses",
            c.id,
            Some(&teach.secret)
        )
        .await,
        403
    );
}

on_both_backends! {
    authz_rest => every_rest_operation_has_a_row_and_keeps_to_it;
}
