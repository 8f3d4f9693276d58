//! The one client-visible error type. Every server function returns `Result<T, AppError>`.

use std::collections::BTreeMap;

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// Field name → human-readable message, shown next to the field in forms.
pub type FieldErrors = BTreeMap<String, String>;

/// What went wrong, in terms a page can show. Internal details never cross the wire.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// The thing asked for does not exist (or is not visible to the caller).
    #[error("We couldn't find that page.")]
    NotFound,
    /// The caller must sign in first.
    #[error("Please sign in to continue.")]
    Unauthorized,
    /// The caller is signed in but may not do this.
    #[error("You don't have access to this.")]
    Forbidden,
    /// The input was rejected; the map says which fields and why.
    #[error("Please check the highlighted fields.")]
    Validation(FieldErrors),
    /// The request clashes with the current state (e.g. a slug already taken).
    #[error("{0}")]
    Conflict(String),
    /// Too many requests; try again after the given number of seconds.
    #[error("Too many attempts. Try again in {retry_after_secs} seconds.")]
    RateLimited {
        /// Seconds until a retry may succeed.
        retry_after_secs: u64,
    },
    /// The request is larger than the server accepts.
    #[error("That is more than Lectern accepts in one request. Make it smaller and try again.")]
    TooLarge,
    /// A service Lectern depends on (database, Redis) is briefly out of reach; retry soon.
    #[error("Lectern is briefly unavailable. Please try again in a moment.")]
    Unavailable,
    /// Something failed on the server; details are in the server log only.
    #[error("Something went wrong on our side. Please try again.")]
    Internal,
    /// The request did not reach the server or its answer could not be read.
    #[error("We couldn't reach Lectern. Check your connection and try again.")]
    Transport(String),
}

impl AppError {
    /// The HTTP status this error answers with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Validation(_) => 422,
            AppError::Conflict(_) => 409,
            AppError::RateLimited { .. } => 429,
            AppError::TooLarge => 413,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
            AppError::Transport(_) => 502,
        }
    }

    /// A validation error for one field.
    pub fn field(field: &str, message: &str) -> Self {
        AppError::Validation(FieldErrors::from([(field.to_owned(), message.to_owned())]))
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::ServerError(_) => AppError::Internal,
            // The server could not read the arguments: the caller sent a bad request.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::field(
                "form",
                "The request could not be read. Reload the page and try again.",
            ),
            // The body limit cut the request off while it was read (axum's message).
            ServerFnErrorErr::Deserialization(message)
                if message.contains("length limit exceeded") =>
            {
                AppError::TooLarge
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        match err {
            sea_orm::DbErr::RecordNotFound(_) => AppError::NotFound,
            // The database is down or restarting: a clean 503, not an internal error.
            sea_orm::DbErr::ConnectionAcquire(_) | sea_orm::DbErr::Conn(_) => {
                tracing::warn!(error = %err, "database unavailable");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::Internal
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        let status = axum::http::StatusCode::from_u16(self.status_code())
            .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::json!({ "error": self.to_string(), "detail": self });
        (status, axum::Json(body)).into_response()
    }
}
