//! A course's curriculum over `/api/v1/teach`: sections and lessons added, renamed, deleted and
//! reordered. Every change answers with the whole outline in its stored order, as the editor
//! page's calls do; the rules (who may edit, titles, no deleting what learners have records
//! of) are the curriculum service's.

use app::models::{CurriculumOrder, EditorSection};
use app::server::services::authoring::curriculum;
use app::server::state::AppState;
use axum::{
    extract::{
        rejection::{JsonRejection, PathRejection},
        Path, State,
    },
    http::{HeaderMap, StatusCode},
    response::Response,
    Json,
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::idempotency::{self, Reply};
use super::problem::Problem;
use super::teach::instructor;

/// A section's title.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SectionTitle {
    /// 1–200 characters.
    #[schema(min_length = 1, max_length = 200, example = "Getting started")]
    pub title: String,
}

/// A new lesson.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct NewLesson {
    /// 1–200 characters.
    #[schema(min_length = 1, max_length = 200, example = "Hello, world")]
    pub title: String,
    /// `text`, `video` or `file`.
    #[schema(pattern = "^(text|video|file)$", example = "text")]
    pub kind: String,
}

fn outline(status: StatusCode, sections: Vec<EditorSection>) -> Reply<Vec<EditorSection>> {
    Reply {
        status,
        headers: Vec::new(),
        body: sections,
    }
}

fn read<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, Problem> {
    body.map(|Json(b)| b)
        .map_err(|e| Problem::bad_request(e.body_text()))
}

fn id(path: Result<Path<i64>, PathRejection>) -> Result<i64, Problem> {
    path.map(|Path(id)| id)
        .map_err(|e| Problem::bad_request(e.body_text()))
}

/// Adds a section at the end of the course.
///
/// Send an `Idempotency-Key` so a retry does not add a second one.
#[utoipa::path(
    post,
    path = "/api/v1/teach/courses/{id}/sections",
    tag = "teach",
    request_body = SectionTitle,
    params(("id" = i64, Path, description = "The course's id", example = 1),
        ("Idempotency-Key" = Option<String>, Header,
        description = "1–255 printable ASCII characters; a retry with the same key and body \
            gets the first answer again")),
    security(("bearer" = ["teach"])),
    responses(
        (status = 201, description = "Added; the whole outline", body = Vec<EditorSection>),
        (status = 400, description = "A body that is not a title, or a malformed key", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 409, description = "The same key is still being processed", body = Problem),
        (status = 422, description = "A rejected title, or a key reused for another body", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn add_section(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    course: Result<Path<i64>, PathRejection>,
    body: Result<Json<SectionTitle>, JsonRejection>,
) -> Result<Response, Problem> {
    let course = id(course)?;
    let c = instructor(&state, &headers, &session).await?;
    let new = read(body)?;
    let request = format!("POST /api/v1/teach/courses/{course}/sections");
    idempotency::once(&state, c.user.id, &headers, &request, &new, async {
        let sections = curriculum::add_section(&state.db, &c.user, course, &new.title).await?;
        Ok(outline(StatusCode::CREATED, sections))
    })
    .await
}

/// Renames a section.
#[utoipa::path(
    put,
    path = "/api/v1/teach/sections/{id}",
    tag = "teach",
    request_body = SectionTitle,
    params(("id" = i64, Path, description = "The section's id", example = 1)),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "Renamed; the whole outline", body = Vec<EditorSection>),
        (status = 400, description = "A body that is not a title", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such section", body = Problem),
        (status = 422, description = "A rejected title", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn rename_section(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    section: Result<Path<i64>, PathRejection>,
    body: Result<Json<SectionTitle>, JsonRejection>,
) -> Result<Reply<Vec<EditorSection>>, Problem> {
    let section = id(section)?;
    let c = instructor(&state, &headers, &session).await?;
    let title = read(body)?.title;
    let sections = curriculum::rename_section(&state.db, &c.user, section, &title).await?;
    Ok(outline(StatusCode::OK, sections))
}

/// Deletes a section and its lessons: refused (409) once a learner has progress or quiz
/// attempts in any of them.
#[utoipa::path(
    delete,
    path = "/api/v1/teach/sections/{id}",
    tag = "teach",
    params(("id" = i64, Path, description = "The section's id", example = 1)),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "Deleted; the whole outline", body = Vec<EditorSection>),
        (status = 400, description = "An id that is not a number", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such section", body = Problem),
        (status = 409, description = "Learners have records in it", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn delete_section(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    section: Result<Path<i64>, PathRejection>,
) -> Result<Reply<Vec<EditorSection>>, Problem> {
    let section = id(section)?;
    let c = instructor(&state, &headers, &session).await?;
    let sections = curriculum::delete_section(&state.db, &c.user, section).await?;
    Ok(outline(StatusCode::OK, sections))
}

/// Adds a lesson at the end of a section.
///
/// Send an `Idempotency-Key` so a retry does not add a second one.
#[utoipa::path(
    post,
    path = "/api/v1/teach/sections/{id}/lessons",
    tag = "teach",
    request_body = NewLesson,
    params(("id" = i64, Path, description = "The section's id", example = 1),
        ("Idempotency-Key" = Option<String>, Header,
        description = "1–255 printable ASCII characters; a retry with the same key and body \
            gets the first answer again")),
    security(("bearer" = ["teach"])),
    responses(
        (status = 201, description = "Added; the whole outline", body = Vec<EditorSection>),
        (status = 400, description = "A body that is not a new lesson, or a malformed key", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such section", body = Problem),
        (status = 409, description = "The same key is still being processed", body = Problem),
        (status = 422, description = "A rejected field, or a key reused for another body", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn add_lesson(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    section: Result<Path<i64>, PathRejection>,
    body: Result<Json<NewLesson>, JsonRejection>,
) -> Result<Response, Problem> {
    let section = id(section)?;
    let c = instructor(&state, &headers, &session).await?;
    let new = read(body)?;
    let request = format!("POST /api/v1/teach/sections/{section}/lessons");
    idempotency::once(&state, c.user.id, &headers, &request, &new, async {
        let sections =
            curriculum::add_lesson(&state.db, &c.user, section, &new.title, &new.kind).await?;
        Ok(outline(StatusCode::CREATED, sections))
    })
    .await
}

/// Deletes a lesson: refused (409) once a learner has progress or quiz attempts in it.
#[utoipa::path(
    delete,
    path = "/api/v1/teach/lessons/{id}",
    tag = "teach",
    params(("id" = i64, Path, description = "The lesson's id", example = 1)),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "Deleted; the whole outline", body = Vec<EditorSection>),
        (status = 400, description = "An id that is not a number", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such lesson", body = Problem),
        (status = 409, description = "Learners have records in it", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn delete_lesson(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    lesson: Result<Path<i64>, PathRejection>,
) -> Result<Reply<Vec<EditorSection>>, Problem> {
    let lesson = id(lesson)?;
    let c = instructor(&state, &headers, &session).await?;
    let sections = curriculum::delete_lesson(&state.db, &c.user, lesson).await?;
    Ok(outline(StatusCode::OK, sections))
}

/// Puts the whole curriculum in a new order.
///
/// The order names every section of the course and every lesson, each exactly once (lessons
/// may move between sections). Sending the same order again changes nothing.
#[utoipa::path(
    put,
    path = "/api/v1/teach/courses/{id}/curriculum",
    tag = "teach",
    request_body = CurriculumOrder,
    params(("id" = i64, Path, description = "The course's id", example = 1)),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "Reordered; the whole outline", body = Vec<EditorSection>),
        (status = 400, description = "A body that is not an order", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 409, description = "The order does not name exactly the course's sections and lessons", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn reorder(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    course: Result<Path<i64>, PathRejection>,
    body: Result<Json<CurriculumOrder>, JsonRejection>,
) -> Result<Reply<Vec<EditorSection>>, Problem> {
    let course = id(course)?;
    let c = instructor(&state, &headers, &session).await?;
    let order = read(body)?;
    let sections = curriculum::reorder(&state.db, &c.user, course, &order).await?;
    Ok(outline(StatusCode::OK, sections))
}
