//! Operational endpoints: liveness, readiness and build information.

use std::time::Duration;

use app::server::state::AppState;
use axum::{extract::State, http::StatusCode, response::IntoResponse, routing::get, Json, Router};
use serde::Serialize;

/// `/healthz`, `/readyz` and `/info`.
pub fn operational() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/info", get(info))
}

/// 200 while the process runs.
async fn healthz() -> &'static str {
    "ok"
}

/// 200 while the database answers within two seconds, 503 otherwise.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match tokio::time::timeout(Duration::from_secs(2), state.db.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ready"),
        Ok(Err(error)) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
        Err(_) => {
            tracing::warn!("readiness check timed out");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// What is running: name, version, git commit and build time.
#[derive(Debug, Serialize)]
pub struct BuildInfo {
    /// Always `lectern`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
    /// The git commit the binary was built from.
    pub commit: &'static str,
    /// When the binary was built (UTC, RFC 3339).
    pub build_time: &'static str,
}

/// This binary's build information.
pub const BUILD_INFO: BuildInfo = BuildInfo {
    name: "lectern",
    version: env!("CARGO_PKG_VERSION"),
    commit: env!("LECTERN_GIT_COMMIT"),
    build_time: env!("LECTERN_BUILD_TIME"),
};

async fn info() -> Json<BuildInfo> {
    Json(BUILD_INFO)
}
