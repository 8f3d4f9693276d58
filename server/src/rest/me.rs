//! `/api/v1/me`: the caller's account, enrollments and progress. Reading needs the `read`
//! scope; enrolling, unenrolling and recording progress the `learn` scope.

use app::models::{
    ApiScope, CourseProgress, EnrolledCourse, ProgressEventInput, RecordResult, UserSummary,
};
use app::server::services::{accounts, learning};
use app::server::state::AppState;
use axum::{
    extract::{rejection::JsonRejection, Path, State},
    http::HeaderMap,
    Json,
};
use serde::Deserialize;
use tower_sessions::Session;

use super::caller;
use super::problem::Problem;

/// The caller's account.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "me",
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The caller", body = UserSummary),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "A token without the `read` scope", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
) -> Result<Json<UserSummary>, Problem> {
    let c = caller::required(&state, &headers, &session, ApiScope::Read).await?;
    Ok(Json(accounts::summary(&c.user)))
}

/// The caller's enrollments with their progress, most recent activity first.
#[utoipa::path(
    get,
    path = "/api/v1/me/enrollments",
    tag = "me",
    security(("bearer" = ["read"])),
    responses(
        (status = 200, description = "The caller's courses", body = Vec<EnrolledCourse>),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "A token without the `read` scope", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn enrollments(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
) -> Result<Json<Vec<EnrolledCourse>>, Problem> {
    let c = caller::required(&state, &headers, &session, ApiScope::Read).await?;
    Ok(Json(learning::my_learning(&state.db, &c.user).await?))
}

/// Enrolls the caller in a free published course (or a paid one they bought).
///
/// Enrolling again changes nothing, so a retry is safe.
#[utoipa::path(
    put,
    path = "/api/v1/me/enrollments/{slug}",
    tag = "me",
    params(("slug" = String, Path, description = "The course's slug")),
    security(("bearer" = ["learn"])),
    responses(
        (status = 200, description = "Enrolled; the caller's progress there", body = CourseProgress),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "A token without the `learn` scope", body = Problem),
        (status = 404, description = "No such published course", body = Problem),
        (status = 409, description = "A paid course the caller has not bought", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn enroll(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Result<Json<CourseProgress>, Problem> {
    let c = caller::required(&state, &headers, &session, ApiScope::Learn).await?;
    if slug.len() > 200 {
        return Err(app::error::AppError::NotFound.into());
    }
    Ok(Json(
        learning::announce::enroll(&state, &c.user, &slug).await?,
    ))
}

/// Ends the caller's enrollment in a course; their progress is kept for when they enroll again.
///
/// Not being enrolled is fine.
#[utoipa::path(
    delete,
    path = "/api/v1/me/enrollments/{slug}",
    tag = "me",
    params(("slug" = String, Path, description = "The course's slug")),
    security(("bearer" = ["learn"])),
    responses(
        (status = 200, description = "Unenrolled; the caller's kept progress", body = CourseProgress),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "A token without the `learn` scope", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn unenroll(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Result<Json<CourseProgress>, Problem> {
    let c = caller::required(&state, &headers, &session, ApiScope::Learn).await?;
    if slug.len() > 200 {
        return Err(app::error::AppError::NotFound.into());
    }
    Ok(Json(
        learning::announce::unenroll(&state, &c.user, &slug).await?,
    ))
}

/// A batch of progress events.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ProgressBatch {
    /// Up to 500 events. Each `event_id` is a UUID the client makes once per event; sending
    /// the same event again is harmless.
    pub events: Vec<ProgressEventInput>,
}

/// Records a batch of progress events.
///
/// Exactly as the lesson player does: each event is `applied`, `duplicate` (its id was
/// recorded before) or `rejected` (with a reason). Completion and deadlines use the server's
/// clock, never `client_at`.
#[utoipa::path(
    post,
    path = "/api/v1/me/progress",
    tag = "me",
    request_body = ProgressBatch,
    security(("bearer" = ["learn"])),
    responses(
        (status = 200, description = "One result per event, and the changed courses' progress",
            body = RecordResult),
        (status = 400, description = "A body that is not a batch of events", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "A token without the `learn` scope", body = Problem),
        (status = 422, description = "More than 500 events", body = Problem),
        (status = 429, description = "Too many batches (120 a minute)", body = Problem),
    )
)]
pub async fn record(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    body: Result<Json<ProgressBatch>, JsonRejection>,
) -> Result<Json<RecordResult>, Problem> {
    let c = caller::required(&state, &headers, &session, ApiScope::Learn).await?;
    let Json(batch) = body.map_err(|e| Problem::bad_request(e.body_text()))?;
    Ok(Json(
        learning::announce::record(&state, &c.user, batch.events).await?,
    ))
}
