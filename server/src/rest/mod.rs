//! The public REST API under `/api/v1`: stable URLs for integrations, unlike server functions,
//! whose URLs follow the code. JSON in and out, RFC 9457 problem details for every error,
//! `RateLimit-*` headers on every answer, bearer tokens with scopes (or a signed-in browser
//! session), and an OpenAPI 3.1 document generated from the handlers at
//! `/api/v1/openapi.json`.
//!
//! Every handler calls the same services as the server functions, so the rules (who may see
//! or change what, bounds, idempotency) are the services' and exist once.

pub mod admin;
pub mod caller;
pub mod catalogue;
pub mod docs;
pub mod idempotency;
pub mod me;
mod openapi;
mod paging;
pub mod problem;
pub mod revision;
pub mod teach;
pub mod teach_bank;
pub mod teach_courses;
pub mod teach_curriculum;
pub mod teach_lessons;

use std::net::SocketAddr;
use std::time::Duration;

use app::server::services::accounts::tokens::fingerprint;
use app::server::state::AppState;
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderName, HeaderValue},
    middleware::Next,
    response::{IntoResponse, Response},
    routing::{get, post, put},
    Router,
};

use problem::Problem;

/// The rate-limit window (the limit is `API_REQUESTS_PER_MINUTE`, 300 unless set).
pub const WINDOW: Duration = Duration::from_secs(60);

/// The REST routes, rate limited, with a problem-details 404 for unknown `/api/v1` paths.
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/docs", get(docs::page))
        .route("/api/v1/courses", get(catalogue::list))
        .route("/api/v1/courses/{slug}", get(catalogue::get))
        .route("/api/v1/me", get(me::get))
        .route("/api/v1/me/enrollments", get(me::enrollments))
        .route(
            "/api/v1/me/enrollments/{slug}",
            put(me::enroll).delete(me::unenroll),
        )
        .route("/api/v1/me/progress", post(me::record))
        .route(
            "/api/v1/teach/courses",
            get(teach::courses).post(teach_courses::create),
        )
        .route(
            "/api/v1/teach/courses/{id}",
            get(teach_courses::get).put(teach_courses::update),
        )
        .route(
            "/api/v1/teach/courses/{id}/publish",
            post(teach_courses::publish),
        )
        .route(
            "/api/v1/teach/courses/{id}/unpublish",
            post(teach_courses::unpublish),
        )
        .route(
            "/api/v1/teach/courses/{id}/sections",
            post(teach_curriculum::add_section),
        )
        .route(
            "/api/v1/teach/courses/{id}/curriculum",
            put(teach_curriculum::reorder),
        )
        .route(
            "/api/v1/teach/sections/{id}",
            put(teach_curriculum::rename_section).delete(teach_curriculum::delete_section),
        )
        .route(
            "/api/v1/teach/sections/{id}/lessons",
            post(teach_curriculum::add_lesson),
        )
        .route(
            "/api/v1/teach/lessons/{id}",
            get(teach_lessons::get)
                .put(teach_lessons::update)
                .delete(teach_curriculum::delete_lesson),
        )
        .route(
            "/api/v1/teach/courses/{id}/questions/import",
            post(teach_bank::import),
        )
        .route(
            "/api/v1/teach/courses/{id}/questions/export",
            get(teach_bank::export),
        )
        .route("/api/v1/admin/users", get(admin::users))
        .route("/api/v1/admin/users/{id}/role", put(admin::set_role))
        .route(
            "/api/v1/teach/courses/{id}/gradebook",
            get(teach::gradebook),
        )
        .route("/api/v1/teach/courses/{id}/stats", get(teach::stats))
        .route("/api/v1/{*rest}", axum::routing::any(unknown))
        .route_layer(axum::middleware::from_fn_with_state(state, rate_limit))
}

/// Any other `/api/v1` path.
async fn unknown() -> Problem {
    Problem::new(
        "not-found",
        404,
        "Not found",
        "No such endpoint. The operations are listed at /api/v1/openapi.json.",
    )
}

/// Counts the request against its client's window: the bearer token when there is one, else
/// the client's address. Adds `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`;
/// over the limit, answers 429 with `Retry-After` without running the handler.
async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let key = match caller::bearer(request.headers()) {
        Some(secret) => format!("rest:token:{}", &fingerprint(secret)[..16]),
        None => {
            let peer = request
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0.ip());
            let forwarded: Vec<&str> = request
                .headers()
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .collect();
            let joined = forwarded.join(",");
            let address = peer.map(|ip| {
                app::server::proxy::client_address(
                    ip,
                    (!joined.is_empty()).then_some(joined.as_str()),
                    &state.settings.proxies,
                )
            });
            format!(
                "rest:ip:{}",
                address.map_or_else(|| "unknown".to_owned(), |a| a.to_string())
            )
        }
    };
    let limit = state.settings.api_requests_per_minute;
    let quota = match state.limiter.meter(&key, limit, WINDOW).await {
        Ok(quota) => quota,
        Err(error) => {
            let retry = match &error {
                app::error::AppError::RateLimited { retry_after_secs } => Some(*retry_after_secs),
                _ => None,
            };
            let mut response = Problem::from(error).into_response();
            if let Some(secs) = retry {
                set(&mut response, "ratelimit-limit", limit.into());
                set(&mut response, "ratelimit-remaining", 0);
                set(&mut response, "ratelimit-reset", secs);
            }
            return response;
        }
    };
    let mut response = next.run(request).await;
    set(&mut response, "ratelimit-limit", quota.limit.into());
    set(&mut response, "ratelimit-remaining", quota.remaining.into());
    set(&mut response, "ratelimit-reset", quota.reset_secs);
    response
}

/// Sets header `name` to the number `value`.
fn set(response: &mut Response, name: &'static str, value: u64) {
    response
        .headers_mut()
        .insert(HeaderName::from_static(name), HeaderValue::from(value));
}
