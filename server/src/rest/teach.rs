//! `/api/v1/teach`: an instructor's own courses, their gradebooks and statistics (admins see
//! every course). Needs the `teach` scope and the instructor (or admin) role; which courses a
//! caller may open is the services' rule, as for the server functions.

use app::models::{ApiScope, AuthoredCourseRow, CourseStats, Gradebook, Role};
use app::server::services::{authoring, learning, quiz};
use app::server::state::AppState;
use axum::{
    extract::{
        rejection::{PathRejection, QueryRejection},
        Path, Query, State,
    },
    http::HeaderMap,
    Json,
};
use serde::Deserialize;
use tower_sessions::Session;

use super::caller::{self, Caller};
use super::catalogue::MAX_PAGE;
use super::problem::Problem;

/// The caller with the `teach` scope and at least the instructor role.
pub(super) async fn instructor(
    state: &AppState,
    headers: &HeaderMap,
    session: &Session,
) -> Result<Caller, Problem> {
    caller::with_role(
        state,
        headers,
        session,
        ApiScope::Teach,
        Role::Instructor,
        "Only instructors and admins teach. Apply to teach on /account.",
    )
    .await
}

/// The caller's courses (every course, for an admin), drafts included.
#[utoipa::path(
    get,
    path = "/api/v1/teach/courses",
    tag = "teach",
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "The caller's courses", body = Vec<AuthoredCourseRow>),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not an instructor", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn courses(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
) -> Result<Json<Vec<AuthoredCourseRow>>, Problem> {
    let c = instructor(&state, &headers, &session).await?;
    Ok(Json(
        authoring::courses::list_mine(&state.db, &c.user).await?,
    ))
}

/// A gradebook page.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GradebookParams {
    /// The page of learners, from 1.
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
}

/// A course's gradebook.
///
/// One row per enrolled learner, one cell per graded quiz (the kept score, whether it passed,
/// attempts), a page of learners at a time.
#[utoipa::path(
    get,
    path = "/api/v1/teach/courses/{id}/gradebook",
    tag = "teach",
    params(("id" = i64, Path, description = "The course's id", example = 1), GradebookParams),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "One page of the gradebook", body = Gradebook),
        (status = 400, description = "A parameter of the wrong type", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 422, description = "A page out of range", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn gradebook(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
    params: Result<Query<GradebookParams>, QueryRejection>,
) -> Result<Json<Gradebook>, Problem> {
    let Path(id) = id.map_err(|e| Problem::bad_request(e.body_text()))?;
    let Query(params) = params.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    let page = params.page.unwrap_or(1);
    if !(1..=MAX_PAGE).contains(&page) {
        return Err(app::error::AppError::field(
            "page",
            &format!("Pages run from 1 to {MAX_PAGE}."),
        )
        .into());
    }
    Ok(Json(
        quiz::gradebook::gradebook(&state.db, &c.user, id, page).await?,
    ))
}

/// A course's statistics.
///
/// Enrollments, completion, the lesson funnel, revenue and ratings.
#[utoipa::path(
    get,
    path = "/api/v1/teach/courses/{id}/stats",
    tag = "teach",
    params(("id" = i64, Path, description = "The course's id", example = 1)),
    security(("bearer" = ["teach"])),
    responses(
        (status = 200, description = "The course's statistics", body = CourseStats),
        (status = 400, description = "An id that is not a number", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `teach` scope, or not this course's instructor", body = Problem),
        (status = 404, description = "No such course", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn stats(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<CourseStats>, Problem> {
    let Path(id) = id.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = instructor(&state, &headers, &session).await?;
    Ok(Json(
        learning::course_stats(&state.db, &c.user, id, chrono::Utc::now()).await?,
    ))
}
