//! RFC 9457 problem details: how every `/api/v1` error is answered
//! (`application/problem+json`: `type`, `title`, `status`, `detail`, and per-field `errors`).

use std::collections::BTreeMap;

use app::error::AppError;
use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Serialize;

/// Where the problem types are explained (the README's API section).
const TYPE_BASE: &str = "https://lectern.dev/problems/";

/// An error of the REST API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem, e.g. `https://lectern.dev/problems/validation`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: &'static str,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time, and what to do next.
    pub detail: String,
    /// For `validation`: the message for each rejected field, by field name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, String>,
    /// For an import: each problem by line of the imported text (nothing was stored).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[schema(value_type = Vec<app::models::LineError>)]
    pub lines: Box<[app::models::LineError]>,
    /// Seconds to wait before retrying (sent as `Retry-After`).
    #[serde(skip)]
    pub retry_after: Option<u32>,
}

impl Problem {
    /// A problem of kind `slug` (`not-found`, `validation`, …) with this status and text.
    pub fn new(slug: &str, status: u16, title: &'static str, detail: impl Into<String>) -> Self {
        Problem {
            kind: format!("{TYPE_BASE}{slug}"),
            title,
            status,
            detail: detail.into(),
            errors: BTreeMap::new(),
            lines: Box::default(),
            retry_after: None,
        }
    }

    /// 401: no credentials, or ones that do not authenticate.
    pub fn unauthorized() -> Self {
        Problem::new(
            "unauthorized",
            401,
            "Unauthorized",
            "Send an API token as `Authorization: Bearer lct_…` (create one on /account), or \
             call from a signed-in browser session.",
        )
    }

    /// 400: a parameter or body that could not be read at all.
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Problem::new("bad-request", 400, "Bad request", detail)
    }

    /// 403: the token lacks `scope`.
    pub fn missing_scope(scope: &str) -> Self {
        Problem::new(
            "insufficient-scope",
            403,
            "Insufficient scope",
            format!(
                "This token does not have the `{scope}` scope. Create a token with it on \
                 /account."
            ),
        )
    }
}

impl From<AppError> for Problem {
    fn from(error: AppError) -> Self {
        let status = error.status_code();
        let detail = error.to_string();
        match error {
            AppError::NotFound => Problem::new("not-found", status, "Not found", detail),
            AppError::Unauthorized => Problem::unauthorized(),
            AppError::Forbidden => Problem::new("forbidden", status, "Forbidden", detail),
            AppError::Validation(fields) => {
                let mut problem = Problem::new(
                    "validation",
                    status,
                    "Validation failed",
                    "Some fields were rejected; `errors` says which and why.",
                );
                problem.errors = fields.into_iter().collect();
                problem
            }
            AppError::Conflict(message) => Problem::new("conflict", status, "Conflict", message),
            AppError::RateLimited { retry_after_secs } => {
                let mut problem = Problem::new("rate-limited", status, "Too many requests", detail);
                problem.retry_after = Some(u32::try_from(retry_after_secs).unwrap_or(u32::MAX));
                problem
            }
            AppError::TooLarge => Problem::new("too-large", status, "Request too large", detail),
            AppError::Unavailable => {
                let mut problem = Problem::new("unavailable", status, "Unavailable", detail);
                problem.retry_after = Some(5);
                problem
            }
            AppError::Internal | AppError::Transport(_) => Problem::new(
                "internal",
                500,
                "Internal error",
                AppError::Internal.to_string(),
            ),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let retry_after = self.retry_after;
        let unauthorized = status == StatusCode::UNAUTHORIZED;
        let mut response = (status, axum::Json(self)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(value) = retry_after.and_then(|s| HeaderValue::from_str(&s.to_string()).ok()) {
            headers.insert(header::RETRY_AFTER, value);
        }
        if unauthorized {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"lectern\""),
            );
        }
        response
    }
}
