//! The request deadline: no request may run forever.
//!
//! A request whose response has not started when the deadline passes is answered
//! `503 Service Unavailable` (with `Retry-After`); a streamed response (a page rendered out of
//! order) that is still unfinished at the deadline is cut off, so the client sees a failed
//! transfer instead of waiting for ever. Either way one WARN line names the route template.
//!
//! Exempt by design: uploads (a large file on a slow link takes as long as it takes), media
//! downloads (the same, the other way) and the live-update stream (open while the page is).

use std::time::Duration;

use axum::{
    body::Body,
    extract::{MatchedPath, Request},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use futures_util::StreamExt as _;
use tokio::time::Instant;

/// The deadline when `REQUEST_TIMEOUT_SECS` is not set.
pub const DEFAULT: Duration = Duration::from_secs(30);

/// Route templates the deadline never applies to.
const EXEMPT: [&str; 3] = [
    crate::media::UPLOAD_ROUTE,
    crate::media::SERVE_ROUTE,
    crate::live::ROUTE,
];

/// Whether `route` (a matched route template) runs without a deadline.
pub fn is_exempt(route: &str) -> bool {
    EXEMPT.contains(&route)
}

/// The error a cut-off response body ends with.
#[derive(Debug)]
struct TimedOut;

impl std::fmt::Display for TimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the response did not finish before the request deadline")
    }
}

impl std::error::Error for TimedOut {}

/// Middleware enforcing `limit` on every request but the exempt ones. Add it with
/// `Router::layer` so that it runs after routing and sees the route template.
pub async fn limit(limit: Duration, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    if is_exempt(&route) {
        return next.run(request).await;
    }
    let deadline = Instant::now() + limit;
    let response = match tokio::time::timeout_at(deadline, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(
                route = %route,
                timeout_secs = limit.as_secs_f64(),
                "request timed out before its response started; answered 503"
            );
            return unavailable();
        }
    };
    // A body whose length is known is already complete; only streams can stall.
    if axum::body::HttpBody::size_hint(response.body())
        .exact()
        .is_some()
    {
        return response;
    }
    let (parts, body) = response.into_parts();
    Response::from_parts(parts, Body::from_stream(cut_at(deadline, route, body)))
}

/// `503` with a plain message and a hint to retry.
fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [
            (header::RETRY_AFTER, HeaderValue::from_static("5")),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        "The server took too long to answer. Please try again in a moment.",
    )
        .into_response()
}

/// The chunks of `body` until `deadline`, then an error that aborts the transfer.
fn cut_at(
    deadline: Instant,
    route: String,
    body: Body,
) -> impl futures_util::Stream<Item = Result<axum::body::Bytes, axum::Error>> + Send + 'static {
    let state = (
        Box::pin(body.into_data_stream()),
        Box::pin(tokio::time::sleep_until(deadline)),
        route,
        false,
    );
    futures_util::stream::unfold(
        state,
        |(mut chunks, mut sleep, route, finished)| async move {
            if finished {
                return None;
            }
            tokio::select! {
                chunk = chunks.next() => chunk.map(|chunk| (chunk, (chunks, sleep, route, false))),
                () = &mut sleep => {
                    tracing::warn!(
                        route = %route,
                        "response still streaming at the request deadline; cut off"
                    );
                    Some((Err(axum::Error::new(TimedOut)), (chunks, sleep, route, true)))
                }
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{routing::get, Router};
    use tower::ServiceExt as _;

    fn router(limit_ms: u64) -> Router {
        let deadline = Duration::from_millis(limit_ms);
        Router::new()
            .route("/never", get(std::future::pending::<&'static str>))
            .route("/quick", get(|| async { "done" }))
            .route(
                "/stalls",
                get(|| async {
                    let first = futures_util::stream::once(async {
                        Ok::<_, std::io::Error>(axum::body::Bytes::from_static(b"<html>"))
                    });
                    Body::from_stream(first.chain(futures_util::stream::pending()))
                }),
            )
            .route(
                "/events/progress",
                get(|| async {
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    "late but exempt"
                }),
            )
            .layer(axum::middleware::from_fn(move |request, next| {
                limit(deadline, request, next)
            }))
    }

    fn get_request(path: &str) -> Request {
        Request::builder()
            .uri(path)
            .body(Body::empty())
            .expect("request")
    }

    #[tokio::test]
    async fn a_request_that_never_answers_gets_503_at_the_deadline() {
        let response = router(50)
            .oneshot(get_request("/never"))
            .await
            .expect("response");
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            response.headers().get(header::RETRY_AFTER),
            Some(&HeaderValue::from_static("5"))
        );
        let body = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .expect("body");
        assert!(String::from_utf8_lossy(&body).contains("took too long"));
    }

    #[tokio::test]
    async fn a_stalled_stream_is_cut_off_instead_of_hanging() {
        let response = router(50)
            .oneshot(get_request("/stalls"))
            .await
            .expect("response");
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "headers were already sent"
        );
        let read = tokio::time::timeout(
            Duration::from_secs(5),
            axum::body::to_bytes(response.into_body(), 1024),
        )
        .await
        .expect("the body ends at the deadline, not never");
        assert!(read.is_err(), "a cut-off body must end in an error");
    }

    #[tokio::test]
    async fn quick_answers_and_exempt_routes_pass_untouched() {
        let quick = router(50)
            .oneshot(get_request("/quick"))
            .await
            .expect("response");
        assert_eq!(quick.status(), StatusCode::OK);
        let slow_stream = router(50)
            .oneshot(get_request("/events/progress"))
            .await
            .expect("response");
        assert_eq!(slow_stream.status(), StatusCode::OK);
        let body = axum::body::to_bytes(slow_stream.into_body(), 1024)
            .await
            .expect("body");
        assert_eq!(&body[..], b"late but exempt");
    }

    #[test]
    fn uploads_downloads_and_live_streams_are_exempt() {
        assert!(is_exempt("/media/upload/{id}"));
        assert!(is_exempt("/media/{id}/{name}"));
        assert!(is_exempt("/events/progress"));
        assert!(!is_exempt("/courses/{slug}"));
    }
}
