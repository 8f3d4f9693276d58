//! The authorization matrix of the REST API: every operation the OpenAPI document lists has a
//! row here saying who may call it, and each row is checked without credentials, with a token
//! lacking the scope, and with one holding it.

use app::models::{ApiScope, Role};
use app::server::entities::lesson;
use app::server::services::accounts::api_tokens;
use reqwest::Method;
use sea_orm::EntityTrait;
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
/// by the course's instructor, `admin` ones by an admin, the others by a learner.
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
    (
        "post",
        "/api/v1/teach/courses",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "get",
        "/api/v1/teach/courses/{id}",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "put",
        "/api/v1/teach/courses/{id}",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "post",
        "/api/v1/teach/courses/{id}/publish",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "post",
        "/api/v1/teach/courses/{id}/unpublish",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "post",
        "/api/v1/teach/courses/{id}/sections",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "put",
        "/api/v1/teach/courses/{id}/curriculum",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "put",
        "/api/v1/teach/sections/{id}",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "post",
        "/api/v1/teach/sections/{id}/lessons",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "get",
        "/api/v1/teach/lessons/{id}",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "put",
        "/api/v1/teach/lessons/{id}",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "delete",
        "/api/v1/teach/lessons/{id}",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "delete",
        "/api/v1/teach/sections/{id}",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "post",
        "/api/v1/teach/courses/{id}/questions/import",
        Need::Scope(ApiScope::Teach),
    ),
    (
        "get",
        "/api/v1/teach/courses/{id}/questions/export",
        Need::Scope(ApiScope::Teach),
    ),
    ("get", "/api/v1/admin/users", Need::Scope(ApiScope::Admin)),
    (
        "put",
        "/api/v1/admin/users/{id}/role",
        Need::Scope(ApiScope::Admin),
    ),
];

/// The ids the paths' `{id}` stand for.
struct Ids {
    course: i64,
    section: i64,
    lesson: i64,
    user: i64,
}

/// A body every writing operation can read far enough to check who is calling.
fn body() -> Value {
    json!({
        "events": [], "title": "T", "category": "programming", "level": "beginner",
        "kind": "text", "role": "learner", "format": "gift", "text": "Q {T}", "sections": []
    })
}

/// The status of `method path` (with `ids` in it) with `token`.
async fn status(app: &TestApp, method: &str, path: &str, ids: &Ids, token: Option<&str>) -> u16 {
    let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
    let id = if path.starts_with("/api/v1/teach/sections") {
        ids.section
    } else if path.starts_with("/api/v1/teach/lessons") {
        ids.lesson
    } else if path.starts_with("/api/v1/admin/users") {
        ids.user
    } else {
        ids.course
    };
    let url = app.url(
        &path
            .replace("{slug}", "rust")
            .replace("{id}", &id.to_string()),
    );
    let mut request = reqwest::Client::new().request(method.clone(), url);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if method == Method::POST || method == Method::PUT {
        request = request.json(&body());
    }
    request.send().await.expect("request").status().as_u16()
}

async fn every_rest_operation_has_a_row_and_keeps_to_it(backend: Backend) {
    let app = TestApp::start(backend, Sessions::Memory).await;
    let (ada, c) = instructor_and_course(&app, 2).await;
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
    let root = person(&app, "root@example.org", Role::Admin).await;
    let section = lesson::Entity::find_by_id(c.lessons[0])
        .one(&app.db)
        .await
        .expect("query")
        .expect("lesson")
        .section_id;
    let ids = Ids {
        course: c.id,
        section,
        lesson: c.lessons[1],
        user: lea.id,
    };
    for (method, path, need) in ROWS {
        let scope = match need {
            Need::Public => ApiScope::Read,
            Need::Scope(scope) => *scope,
        };
        let who = match scope {
            ApiScope::Teach => ada.id,
            ApiScope::Admin => root.id,
            _ => lea.id,
        };
        let anonymous = status(&app, method, path, &ids, None).await;
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
            status(&app, method, path, &ids, Some(&lacking.secret)).await,
            403,
            "{method} {path} with every scope but {}",
            scope.key()
        );
        let allowed = status(&app, method, path, &ids, Some(&holder.secret)).await;
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
            &ids,
            Some(&teach.secret)
        )
        .await,
        403
    );
}

on_both_backends! {
    authz_rest => every_rest_operation_has_a_row_and_keeps_to_it;
}
