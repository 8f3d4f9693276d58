//! A course's question bank over `/api/v1/teach`: importing GIFT or CSV (all or nothing, every
//! problem reported by line) and exporting GIFT, through the bank page's services.

use app::models::ImportReport;
use app::server::services::quiz;
use app::server::state::AppState;
use axum::{
    extract::{
        rejection::{JsonRejection, PathRejection, QueryRejection},
        Path, Query, State,
    },
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::idempotency::{self, Reply};
use super::problem::Problem;
use super::teach::instructor;

/// Longest tag the export filters by.
const MAX_TAG_CHARS: usize = 200;

/// Questions to import.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QuestionImport {
    /// `gift` (Moodle's GIFT format) or `csv` (the bank page's columns).
    #[schema(pattern = "^(gift|csv)$", example = "gift")]
    pub format: String,
    /// The file's text, at most 1 MB and 500 questions.
    #[schema(
        min_length = 1,
        max_length = 1000000,
        example = "::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}"
    )]
    pub text: String,
    /// Tags added to every imported question (at most 50, each up to 200 characters).
    #[serde(default)]
    #[schema(max_items = 50, example = json!(["week-1"]))]
    pub tags: Vec<String>,
}

/// Imports questions into the course's bank.
///
/// With any problem nothing is stored, and the 422 lists every problem by line in `lines`. Send an
/// `Idempotency-Key` so a retry does not import the questions twice.
#[utoipa::path(
    post,
    path = "/api/v1/teach/courses/{id}/questions/import",
    tag = "teach",
    request_body = QuestionImport,
    params(("id" = i64, Path, description = "The course's id", example = 1),
        ("Idempotency-Key" = Option<String>, Header,
        description = "1–255 printable ASCII characters; a retry with the same key and body \
            gets the first answer again")),
    security(("bearer" = ["teach"])),
    responses(
        (status = 201, description = "Imported; how many", body = ImportReport),
        (status = 400, description = "A body that is not an import, or a malformed key", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 409, description = "The same key is still being processed", body = Problem),
        (status = 422, description = "Problems in the text (`lines`), a rejected field, or a key \
            reused for another body", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn import(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    course: Result<Path<i64>, PathRejection>,
    body: Result<Json<QuestionImport>, JsonRejection>,
) -> Result<Response, Problem> {
    let Path(course) = course.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    let Json(new) = body.map_err(|e| Problem::bad_request(e.body_text()))?;
    let request = format!("POST /api/v1/teach/courses/{course}/questions/import");
    idempotency::once(&state, c.user.id, &headers, &request, &new, async {
        let report = quiz::import::import(
            &state.db,
            &c.user,
            course,
            &new.format,
            &new.text,
            &new.tags,
        )
        .await?;
        if !report.errors.is_empty() {
            let mut problem = Problem::new(
                "import-rejected",
                422,
                "Import rejected",
                format!(
                    "Nothing was imported: {} problem(s) in the text; `lines` lists them by line.",
                    report.errors.len()
                ),
            );
            problem.lines = report.errors.into_boxed_slice();
            return Err(problem);
        }
        Ok(Reply {
            status: StatusCode::CREATED,
            headers: Vec::new(),
            body: report,
        })
    })
    .await
}

/// Which questions to export.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// Only questions with this tag.
    #[param(max_length = 200)]
    pub tag: Option<String>,
}

/// Exports the course's question bank as GIFT.
///
/// The whole bank, or the questions with one tag, as GIFT text, which Moodle and this API's
/// import read back.
#[utoipa::path(
    get,
    path = "/api/v1/teach/courses/{id}/questions/export",
    tag = "teach",
    params(("id" = i64, Path, description = "The course's id", example = 1), ExportParams),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "GIFT text", body = String, content_type = "text/plain"),
        (status = 400, description = "A parameter of the wrong type", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 422, description = "A tag over 200 characters", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn export(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    course: Result<Path<i64>, PathRejection>,
    params: Result<Query<ExportParams>, QueryRejection>,
) -> Result<Response, Problem> {
    let Path(course) = course.map_err(|e| Problem::bad_request(e.body_text()))?;
    let Query(params) = params.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    if params
        .tag
        .as_ref()
        .is_some_and(|t| t.chars().count() > MAX_TAG_CHARS)
    {
        return Err(app::error::AppError::field("tag", "Tags are at most 200 characters.").into());
    }
    let text = quiz::import::export_gift(&state.db, &c.user, course, params.tag).await?;
    let mut response = text.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    Ok(response)
}
