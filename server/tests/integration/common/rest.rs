//! Calling the REST API in tests: tokens, requests, and reading answers (every error must be
//! a problem-details document).

use app::models::ApiScope;
use app::server::services::accounts::api_tokens;
use reqwest::{Method, Response};
use serde_json::Value;

use super::TestApp;

/// A token of `user_id` with `scopes`.
pub async fn token(app: &TestApp, user_id: i64, scopes: &[ApiScope]) -> String {
    api_tokens::create_scoped(&app.db, user_id, "rest test", scopes)
        .await
        .expect("token")
        .secret
}

/// `method path` with `token` (if any) and a JSON `body` (if any).
pub async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Response {
    let mut request = reqwest::Client::new().request(method, app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("request")
}

/// The status and JSON body of a response, checking that errors are problem details.
pub async fn read(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body: Value = response.json().await.expect("a JSON body");
    if status >= 400 {
        assert_eq!(kind, "application/problem+json", "{status}: {body}");
        assert_eq!(body["status"], status, "{body}");
        assert!(
            body["type"].as_str().is_some() && body["title"].as_str().is_some(),
            "{body}"
        );
    }
    (status, body)
}

/// `method path` with `token`, a JSON `body` (if any) and extra `headers`.
pub async fn send_with(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> Response {
    let mut request = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("request")
}

/// The status and JSON body of `method path` with `token` and a JSON `body` (if any).
pub async fn call(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (u16, Value) {
    read(send(app, method, path, Some(token), body).await).await
}
