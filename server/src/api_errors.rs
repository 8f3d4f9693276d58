//! HTTP statuses for server-function errors.
//!
//! Leptos answers every failed server function with 500; the body is our `AppError`. This
//! layer gives such answers their real status (401, 403, 404, 409, 422, 429 with Retry-After),
//! so browsers, logs, proxies and API clients see what happened.

use app::error::AppError;
use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// `Retry-After` on a 503: backing services come back within seconds (Redis and the database
/// pool reconnect on their own).
pub const UNAVAILABLE_RETRY_AFTER: HeaderValue = HeaderValue::from_static("5");

/// Largest error body inspected; real ones are a few hundred bytes.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Middleware: re-status `/api/` 500 answers whose body is an `AppError`.
pub async fn map_status(request: Request<Body>, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_api || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        match error {
            AppError::RateLimited { retry_after_secs } => {
                if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                    parts.headers.insert(header::RETRY_AFTER, value);
                }
            }
            AppError::Unavailable => {
                parts
                    .headers
                    .insert(header::RETRY_AFTER, UNAVAILABLE_RETRY_AFTER);
            }
            _ => {}
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// `error` answered as server functions answer it: its status, and the error itself as the
/// JSON body (what the browser's server-function client and the upload widget read).
pub fn error_response(error: AppError) -> Response {
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(error)).into_response()
}
