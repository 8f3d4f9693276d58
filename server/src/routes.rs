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

/// 200 while the database and (when configured) Redis answer within two seconds; 503 naming
/// what is unavailable otherwise, for as long as the outage lasts.
async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let (database, redis) = tokio::join!(
        answers("database", async {
            state.db.ping().await.map_err(|e| e.to_string())
        }),
        answers("redis", state.limiter.ping()),
    );
    let down: Vec<&str> = [database, redis].into_iter().flatten().collect();
    if down.is_empty() {
        (StatusCode::OK, "ready".to_owned())
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("{} unavailable", down.join(" and ")),
        )
    }
}

/// `None` when `check` succeeds within two seconds, else `Some(name)` (and a WARN line).
async fn answers(
    name: &'static str,
    check: impl std::future::Future<Output = Result<(), String>>,
) -> Option<&'static str> {
    match tokio::time::timeout(Duration::from_secs(2), check).await {
        Ok(Ok(())) => None,
        Ok(Err(error)) => {
            tracing::warn!(%error, service = name, "readiness check failed");
            Some(name)
        }
        Err(_) => {
            tracing::warn!(service = name, "readiness check timed out");
            Some(name)
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
