//! Request counts and durations labelled by method, route template and status.
//!
//! The route label is always bounded: the matched route template (`/courses/{slug}`, a server
//! function's `/api/…` path), `/pkg/*` for the static bundle, `static` for other files the
//! fallback served, and `unmatched` for everything else — never a raw path.

use std::{borrow::Cow, time::Instant};

use axum::{
    body::Body,
    extract::{MatchedPath, Request},
    http::Method,
    middleware::Next,
    response::Response,
};
use prometheus_client::{
    encoding::EncodeLabelSet,
    metrics::{counter::Counter, family::Family, histogram::Histogram},
    registry::Registry,
};

/// Latency buckets in seconds, from a cached asset to a slow page.
const BUCKETS: [f64; 12] = [
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Label value for requests the fallback answered with an error (404s for unknown paths).
pub const UNMATCHED: &str = "unmatched";
/// Label value for every file under `/pkg/`.
pub const ASSETS: &str = "/pkg/*";
/// Label value for other files the fallback served from the site root (favicon, manifest).
pub const STATIC: &str = "static";

/// The labels of both request metrics.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct HttpLabels {
    /// Request method (`other` for non-standard ones).
    pub method: &'static str,
    /// Route template or one of the fixed values above.
    pub route: Cow<'static, str>,
    /// Response status code.
    pub status: u16,
}

type DurationFamily = Family<HttpLabels, Histogram, fn() -> Histogram>;

/// The request counter and duration histogram (cheap to clone: shared inside).
#[derive(Clone)]
pub struct HttpMetrics {
    requests: Family<HttpLabels, Counter>,
    duration: DurationFamily,
}

fn histogram() -> Histogram {
    Histogram::new(BUCKETS)
}

impl HttpMetrics {
    /// Creates the instruments and registers them in `registry`.
    pub fn register(registry: &mut Registry) -> Self {
        let requests = Family::<HttpLabels, Counter>::default();
        let duration: DurationFamily = Family::new_with_constructor(histogram);
        // prometheus-client adds the `_total` suffix to counters.
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, route template and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from receiving a request to sending its response headers",
            duration.clone(),
        );
        Self { requests, duration }
    }

    fn observe(&self, labels: &HttpLabels, seconds: f64) {
        self.requests.get_or_create(labels).inc();
        self.duration.get_or_create(labels).observe(seconds);
    }
}

/// A bounded label for the request method.
pub fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The route template of a request, when known before it is answered: the matched route, or
/// `/pkg/*` for the static bundle.
pub fn route_template(request: &Request<Body>) -> Option<Cow<'static, str>> {
    if let Some(matched) = request.extensions().get::<MatchedPath>() {
        return Some(Cow::Owned(matched.as_str().to_owned()));
    }
    request
        .uri()
        .path()
        .starts_with("/pkg/")
        .then_some(Cow::Borrowed(ASSETS))
}

/// The label for a request the fallback answered: a file it served, or unmatched.
fn fallback_label(status: u16) -> Cow<'static, str> {
    if (200..400).contains(&status) {
        Cow::Borrowed(STATIC)
    } else {
        Cow::Borrowed(UNMATCHED)
    }
}

/// Middleware counting and timing every request. Must be added with `Router::layer` after
/// the routes, so that it runs after routing and sees `MatchedPath`.
pub async fn track(metrics: HttpMetrics, request: Request<Body>, next: Next) -> Response {
    let method = method_label(request.method());
    let route = route_template(&request);
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let labels = HttpLabels {
        method,
        route: route.unwrap_or_else(|| fallback_label(status)),
        status,
    };
    metrics.observe(&labels, started.elapsed().as_secs_f64());
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_methods_share_one_label() {
        assert_eq!(method_label(&Method::GET), "GET");
        let custom = Method::from_bytes(b"PROPFIND").expect("method");
        assert_eq!(method_label(&custom), "other");
    }

    #[test]
    fn fallback_answers_are_static_files_or_unmatched() {
        assert_eq!(fallback_label(200), STATIC);
        assert_eq!(fallback_label(304), STATIC);
        assert_eq!(fallback_label(404), UNMATCHED);
        let request = Request::builder()
            .uri("/pkg/lectern.abc123.wasm")
            .body(Body::empty())
            .expect("request");
        assert_eq!(route_template(&request).as_deref(), Some(ASSETS));
        let request = Request::builder()
            .uri("/no/such/page")
            .body(Body::empty())
            .expect("request");
        assert_eq!(route_template(&request), None);
    }
}
