//! Cache headers fit for a CDN in front of the app (CloudFront in production).
//!
//! - `/pkg/*` (WASM, JS, CSS): a year and `immutable` when file names carry content hashes
//!   (`LEPTOS_HASH_FILES=true`, as in the container); otherwise revalidated on every use.
//! - Server functions (`/api/*`) and anything that sets a cookie: `no-store`.
//! - The service worker (`/sw.js`) and the offline page and script: revalidated on every use.
//! - HTML for a request with a session cookie: `private, no-cache` (never shared).
//! - HTML for anonymous requests: shared for a minute, varying on `Cookie`.

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

/// The service worker and the files it names by unhashed address: always revalidated, so a new
/// deployment reaches browsers at once (the worker itself decides what to keep).
pub const SERVICE_WORKER_FILES: [&str; 4] = [
    "/sw.js",
    "/offline.js",
    "/offline.html",
    "/progress-queue.js",
];

/// The session cookie's name; its presence marks a request as possibly signed in.
pub const SESSION_COOKIE: &str = "lectern_session";

/// Whether `headers` carry the session cookie.
pub fn has_session(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            v.split(';')
                .any(|c| c.trim_start().starts_with(SESSION_COOKIE))
        })
}

/// Middleware setting `Cache-Control` (and `Vary`) by the rules above. `hashed_assets` says
/// whether `/pkg/` file names are content-hashed.
pub async fn headers(hashed_assets: bool, request: Request<Body>, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let signed_in = has_session(request.headers());
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let sets_cookie = response.headers().contains_key(header::SET_COOKIE);
    let policy = if path.starts_with("/api/") || sets_cookie {
        Some("no-store")
    } else if SERVICE_WORKER_FILES.contains(&path.as_str()) {
        Some("no-cache")
    } else if path.starts_with("/pkg/") {
        Some(if hashed_assets {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        })
    } else if is_html && signed_in {
        Some("private, no-cache")
    } else if is_html && response.status().is_success() {
        Some("public, max-age=60")
    } else if is_html {
        Some("no-cache")
    } else {
        None
    };
    if let Some(policy) = policy {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    if is_html {
        response
            .headers_mut()
            .append(header::VARY, HeaderValue::from_static("Cookie"));
    }
    response
}
