//! `/api/v1/teach/courses/{id}`: creating a course draft, reading and updating it (with
//! `ETag`/`If-Match` on its revision), publishing and unpublishing. The same services and rules
//! as the course editor page.

use app::models::{CourseDraft, CourseEditor};
use app::server::services::authoring;
use app::server::state::AppState;
use axum::{
    extract::{
        rejection::{JsonRejection, PathRejection},
        Path, State,
    },
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::Response,
    Json,
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::idempotency::{self, Reply};
use super::problem::Problem;
use super::revision;
use super::teach::instructor;

/// A new course draft. Everything else is edited afterwards with `PUT`.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct NewCourse {
    /// 1–120 characters.
    #[schema(min_length = 1, max_length = 120, example = "Async Rust")]
    pub title: String,
    /// One of the catalogue's categories.
    #[schema(
        pattern = "^(programming|data-science|design|business|languages|personal-development)$",
        example = "programming"
    )]
    pub category: String,
    /// `beginner`, `intermediate` or `advanced`.
    #[schema(pattern = "^(beginner|intermediate|advanced)$", example = "beginner")]
    pub level: String,
}

/// The course editor's view of course `id`, with its revision as `ETag`.
async fn reply(
    state: &AppState,
    user: &app::server::entities::user::Model,
    id: i64,
    status: StatusCode,
) -> Result<Reply<CourseEditor>, Problem> {
    let editor = authoring::courses::editor(&state.db, user, id).await?;
    let mut headers = vec![revision::etag(editor.revision)];
    if status == StatusCode::CREATED {
        if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/teach/courses/{id}")) {
            headers.push((header::LOCATION, location));
        }
    }
    Ok(Reply {
        status,
        headers,
        body: editor,
    })
}

/// Creates a draft course owned by the caller, with a web address made from its title.
///
/// Send an `Idempotency-Key` so a retry does not create a second draft.
#[utoipa::path(
    post,
    path = "/api/v1/teach/courses",
    tag = "teach",
    request_body = NewCourse,
    params(("Idempotency-Key" = Option<String>, Header,
        description = "1–255 printable ASCII characters (e.g. a UUID); a retry with the same key \
            and body gets the first answer again")),
    security(("bearer" = ["teach"])),
    responses(
        (status = 201, description = "Created; `Location` and `ETag` name it", body = CourseEditor),
        (status = 400, description = "A body that is not a new course, or a malformed key", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not an instructor", body = Problem),
        (status = 409, description = "The same key is still being processed", body = Problem),
        (status = 422, description = "A rejected field, or a key reused for another body", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    body: Result<Json<NewCourse>, JsonRejection>,
) -> Result<Response, Problem> {
    let c = instructor(&state, &headers, &session).await?;
    let Json(new) = body.map_err(|e| Problem::bad_request(e.body_text()))?;
    idempotency::once(
        &state,
        c.user.id,
        &headers,
        "POST /api/v1/teach/courses",
        &new,
        async {
            let id = authoring::courses::create(
                &state.db,
                &c.user,
                &new.title,
                &new.category,
                &new.level,
            )
            .await?;
            reply(&state, &c.user, id, StatusCode::CREATED).await
        },
    )
    .await
}

/// A course as its editor sees it.
///
/// Every field, the curriculum, what stops publishing, and the revision as `ETag` (send it
/// back in `If-Match` to update).
#[utoipa::path(
    get,
    path = "/api/v1/teach/courses/{id}",
    tag = "teach",
    params(("id" = i64, Path, description = "The course's id", example = 1)),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "The course; `ETag` is its revision", body = CourseEditor),
        (status = 400, description = "An id that is not a number", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Reply<CourseEditor>, Problem> {
    let Path(id) = id.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    reply(&state, &c.user, id, StatusCode::OK).await
}

/// Replaces the course's fields.
///
/// `If-Match` must carry the `ETag` of the version edited: 412 when someone saved since, 428
/// without it.
#[utoipa::path(
    put,
    path = "/api/v1/teach/courses/{id}",
    tag = "teach",
    request_body = CourseDraft,
    params(("id" = i64, Path, description = "The course's id", example = 1),
        ("If-Match" = String, Header, description = "The ETag of the version edited, or `*`")),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "Saved; the new `ETag`", body = CourseEditor),
        (status = 400, description = "A body that is not a course draft", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
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
    body: Result<Json<CourseDraft>, JsonRejection>,
) -> Result<Reply<CourseEditor>, Problem> {
    let Path(id) = id.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    // Who may edit comes before what they sent: an outsider learns nothing from a 428.
    let current = authoring::editable_course(&state.db, &c.user, id).await?;
    let Json(draft) = body.map_err(|e| Problem::bad_request(e.body_text()))?;
    let based_on = revision::based_on(&headers, current.revision)?;
    authoring::courses::update(&state.db, &c.user, id, based_on, &draft)
        .await
        .map_err(revision::refused)?;
    reply(&state, &c.user, id, StatusCode::OK).await
}

/// Publishes the course.
///
/// What stops it comes back as a 422 with one problem per line in `errors.publish`. Publishing a
/// published course changes nothing.
#[utoipa::path(
    post,
    path = "/api/v1/teach/courses/{id}/publish",
    tag = "teach",
    params(("id" = i64, Path, description = "The course's id", example = 1)),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "Published", body = CourseEditor),
        (status = 400, description = "An id that is not a number", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 422, description = "Not ready: `errors.publish` says why", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn publish(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Reply<CourseEditor>, Problem> {
    let Path(id) = id.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    authoring::courses::publish(&state.db, &c.user, id).await?;
    reply(&state, &c.user, id, StatusCode::OK).await
}

/// Hides the course from the catalogue again; enrolled learners keep their access.
#[utoipa::path(
    post,
    path = "/api/v1/teach/courses/{id}/unpublish",
    tag = "teach",
    params(("id" = i64, Path, description = "The course's id", example = 1)),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "A draft again", body = CourseEditor),
        (status = 400, description = "An id that is not a number", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn unpublish(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Reply<CourseEditor>, Problem> {
    let Path(id) = id.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    authoring::courses::unpublish(&state.db, &c.user, id).await?;
    reply(&state, &c.user, id, StatusCode::OK).await
}
