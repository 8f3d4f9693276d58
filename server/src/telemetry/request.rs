//! The span and log line of each HTTP request, named by OpenTelemetry's HTTP conventions so the
//! exported spans read like any other server's: `GET /courses/{slug}` with `http.route`,
//! `http.request.method` and `http.response.status_code`.

use std::{borrow::Cow, time::Duration};

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
        url.path = %loggable_path(request.uri().path()),
        http.route = Empty,
        http.response.status_code = Empty,
        otel.status_code = Empty,
    );
    if let Some(route) = route {
        span.record("http.route", &*route);
    }
    span
}

/// Paths whose last segment is a secret (the password-reset token in an emailed link).
const SECRET_PATHS: [&str; 1] = ["/account/reset/"];

/// `path` as it may be logged and exported: a secret segment is replaced by `[redacted]`.
pub fn loggable_path(path: &str) -> Cow<'_, str> {
    for prefix in SECRET_PATHS {
        if path.len() > prefix.len() && path.starts_with(prefix) {
            return Cow::Owned(format!("{prefix}[redacted]"));
        }
    }
    Cow::Borrowed(path)
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

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn reset_tokens_never_reach_logs() {
        assert_eq!(
            loggable_path("/account/reset/Zm9vYmFyYmF6cXV4"),
            "/account/reset/[redacted]"
        );
        assert_eq!(loggable_path("/account/reset"), "/account/reset");
        assert_eq!(loggable_path("/account/reset/"), "/account/reset/");
        assert_eq!(loggable_path("/courses/rust"), "/courses/rust");
    }
}
