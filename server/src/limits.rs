//! Request body limits, set on purpose rather than left to a framework default.
//!
//! Server functions (forms and JSON under `/api/`) take at most [`API_BODY_LIMIT`] bytes: the
//! largest legitimate one is a question-bank import of up to 1 MB of text, which form encoding
//! can make three times as long. A larger request is answered `413 Payload Too Large` with the
//! usual error body, before its body is read when it declares its length, and as soon as it
//! passes the limit when it streams. Media uploads go to their own streaming route, which
//! checks each file kind's own limit.

use app::error::AppError;
use axum::{
    extract::{DefaultBodyLimit, Request},
    http::header,
    middleware::Next,
    response::Response,
};

/// The most bytes one server-function request may carry.
pub const API_BODY_LIMIT: usize = 4 * 1024 * 1024;

/// The limit axum applies while server functions read their bodies.
pub fn api_body_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(API_BODY_LIMIT)
}

/// Middleware: answers 413 at once to a server-function request whose declared length is over
/// the limit, without reading its body.
pub async fn refuse_declared_oversize(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if request.uri().path().starts_with("/api/")
        && declared.is_some_and(|len| len > API_BODY_LIMIT as u64)
    {
        return crate::api_errors::error_response(AppError::TooLarge);
    }
    next.run(request).await
}
