//! `/api/v1/teach/lessons/{id}`: a lesson's content (title, kind, markdown, video link,
//! preview flag, duration) read with its revision as `ETag` and replaced with `If-Match`,
//! through the lesson editor's service.

use app::models::{LessonDraft, LessonEditor};
use app::server::services::authoring;
use app::server::state::AppState;
use axum::{
    extract::{
        rejection::{JsonRejection, PathRejection},
        Path, State,
    },
    http::{HeaderMap, StatusCode},
    Json,
};
use tower_sessions::Session;

use super::idempotency::Reply;
use super::problem::Problem;
use super::revision;
use super::teach::instructor;

/// The lesson editor's view of lesson `id`, with its revision as `ETag`.
async fn reply(
    state: &AppState,
    user: &app::server::entities::user::Model,
    id: i64,
) -> Result<Reply<LessonEditor>, Problem> {
    let editor = authoring::lessons::editor(&state.db, user, id).await?;
    Ok(Reply {
        status: StatusCode::OK,
        headers: vec![revision::etag(editor.revision)],
        body: editor,
    })
}

/// A lesson as its editor sees it.
///
/// Its content and attached file, with the revision as `ETag` (send it back in `If-Match` to
/// update).
#[utoipa::path(
    get,
    path = "/api/v1/teach/lessons/{id}",
    tag = "teach",
    params(("id" = i64, Path, description = "The lesson's id", example = 1)),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "The lesson; `ETag` is its revision", body = LessonEditor),
        (status = 400, description = "An id that is not a number", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such lesson", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Reply<LessonEditor>, Problem> {
    let Path(id) = id.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    reply(&state, &c.user, id).await
}

/// Replaces a lesson's content.
///
/// `If-Match` must carry the `ETag` of the version edited: 412 when someone saved since, 428
/// without it. Markdown is sanitized when shown, as from the editor.
#[utoipa::path(
    put,
    path = "/api/v1/teach/lessons/{id}",
    tag = "teach",
    request_body = LessonDraft,
    params(("id" = i64, Path, description = "The lesson's id", example = 1),
        ("If-Match" = String, Header, description = "The ETag of the version edited, or `*`")),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "Saved; the new `ETag`", body = LessonEditor),
        (status = 400, description = "A body that is not a lesson", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such lesson", body = Problem),
        (status = 412, description = "Changed since the version edited", body = Problem),
        (status = 422, description = "A rejected field", body = Problem),
        (status = 428, description = "No If-Match", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
    body: Result<Json<LessonDraft>, JsonRejection>,
) -> Result<Reply<LessonEditor>, Problem> {
    let Path(id) = id.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    // Who may edit comes before what they sent: an outsider learns nothing from a 428.
    let (_, current) = authoring::editable_lesson(&state.db, &c.user, id).await?;
    let Json(draft) = body.map_err(|e| Problem::bad_request(e.body_text()))?;
    let based_on = revision::based_on(&headers, current.revision)?;
    authoring::lessons::update(&state.db, &c.user, id, based_on, &draft)
        .await
        .map_err(revision::refused)?;
    reply(&state, &c.user, id).await
}
