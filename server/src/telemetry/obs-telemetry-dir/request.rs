//! The span and log line of each HTTP request, named by OpenTelemetry's HTTP conventions so the
//! exported spans read like any other server's: `GET /courses/{slug}` with `http.route`,
//! `http.request.method` and `http.response.status_code`.

use std::time::Duration;

use axum::{body::Body, extract::Request, http::Response};
use tracing::{field::Empty, Span};

/// Opens the span for `request`. Called after routing, so the route template is known.
pub fn span(request: &Request<Body>) -> Span {
    let method = request.method();
    let route = crate::metrics::http::route_template(request);
    let name = match &route {
        Some(route) => format!("{method} {route}"),
        None => method.to_string(),
    };
    let span = tracing::info_span!(
        "request",
        otel.name = %name,
        otel.kind = "server",
        http.request.method = %method,
        url.path = %request.uri().path(),
        http.route = Empty,
        http.response.status_code = Empty,
        otel.status_code = Empty,
    );
    if let Some(route) = route {
        span.record("http.route", &*route);
    }
    span
}

/// Records the status on the span and logs one line with status and latency.
pub fn on_response(response: &Response<Body>, latency: Duration, span: &Span) {
    let status = response.status();
    // As i64: tracing-opentelemetry turns unsigned values into strings.
    span.record("http.response.status_code", i64::from(status.as_u16()));
    if status.is_server_error() {
        span.record("otel.status_code", "error");
    }
    tracing::info!(
        status = status.as_u16(),
        latency_ms = latency.as_secs_f64() * 1000.0,
        "served"
    );
}
