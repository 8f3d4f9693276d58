//! `/api/v1/courses`: the published catalogue, searched, filtered and paged as `/courses` is,
//! and one course with its outline. Anyone may read them; a token needs the `read` scope.

use app::models::{ApiScope, CataloguePage, CatalogueQuery, CourseDetail};
use app::server::services::{catalogue, courses};
use app::server::state::AppState;
use axum::{
    extract::{rejection::QueryRejection, Path, Query, State},
    http::HeaderMap,
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;
use tower_sessions::Session;

use super::caller;
use super::paging::link_header;
use super::problem::Problem;

/// The longest search text accepted.
const MAX_QUERY_CHARS: usize = 200;
/// The highest page number accepted.
pub const MAX_PAGE: u64 = 10_000;

/// Catalogue search and filters (the `/courses` page's URL query).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CourseListParams {
    /// Free text searched in titles, subtitles and descriptions (at most 200 characters).
    pub q: Option<String>,
    /// A category slug, e.g. `programming`.
    pub category: Option<String>,
    /// A level slug: `beginner`, `intermediate` or `advanced`.
    pub level: Option<String>,
    /// The page, from 1 (12 courses per page).
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
    /// `relevance` (with `q`), `rating`, `newest`, `title` or `price`.
    pub sort: Option<String>,
    /// The lowest average rating in whole stars: `4` or `3`.
    pub rating: Option<String>,
}

/// Rejects what no catalogue search needs: over-long text and absurd pages.
fn check(params: &CourseListParams) -> Result<(), Problem> {
    let mut errors = app::error::FieldErrors::new();
    for (name, value) in [
        ("q", &params.q),
        ("category", &params.category),
        ("level", &params.level),
        ("sort", &params.sort),
        ("rating", &params.rating),
    ] {
        if value
            .as_deref()
            .is_some_and(|v| v.chars().count() > MAX_QUERY_CHARS)
        {
            errors.insert(
                name.into(),
                format!("Keep it to {MAX_QUERY_CHARS} characters."),
            );
        }
    }
    if params.page.is_some_and(|p| p == 0 || p > MAX_PAGE) {
        errors.insert("page".into(), format!("Pages run from 1 to {MAX_PAGE}."));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(app::error::AppError::Validation(errors).into())
    }
}

/// Published courses matching the search and filters, one page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/courses",
    tag = "catalogue",
    params(CourseListParams),
    security((), ("bearer" = ["read"])),
    responses(
        (status = 200, description = "One page of courses, with `Link` headers to the others",
            body = CataloguePage),
        (status = 400, description = "A parameter of the wrong type", body = Problem),
        (status = 401, description = "A token that does not authenticate", body = Problem),
        (status = 403, description = "A token without the `read` scope", body = Problem),
        (status = 422, description = "A parameter out of range", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    params: Result<Query<CourseListParams>, QueryRejection>,
) -> Result<Response, Problem> {
    let Query(params) = params.map_err(|e| Problem::bad_request(e.body_text()))?;
    if let Some(c) = caller::optional(&state, &headers, &session).await? {
        c.require(ApiScope::Read)?;
    }
    check(&params)?;
    let query = CatalogueQuery {
        q: params.q,
        category: params.category,
        level: params.level,
        page: params.page,
        sort: params.sort,
        rating: params.rating,
    };
    let page = catalogue::list_courses(&state.db, &state.search, &query).await?;
    let link = link_header("/api/v1/courses", &query, page.page, page.total_pages);
    Ok(([(axum::http::header::LINK, link)], Json(page)).into_response())
}

/// A published course with its outline (and, for an enrolled caller, their progress).
#[utoipa::path(
    get,
    path = "/api/v1/courses/{slug}",
    tag = "catalogue",
    params(("slug" = String, Path, description = "The course's slug, e.g. `rust-fundamentals`")),
    security((), ("bearer" = ["read"])),
    responses(
        (status = 200, description = "The course", body = CourseDetail),
        (status = 401, description = "A token that does not authenticate", body = Problem),
        (status = 403, description = "A token without the `read` scope", body = Problem),
        (status = 404, description = "No such published course", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Result<Json<CourseDetail>, Problem> {
    let viewer = caller::optional(&state, &headers, &session).await?;
    if let Some(c) = &viewer {
        c.require(ApiScope::Read)?;
    }
    if slug.len() > 200 {
        return Err(app::error::AppError::NotFound.into());
    }
    let user = viewer.as_ref().map(|c| &c.user);
    Ok(Json(courses::course_detail(&state.db, user, &slug).await?))
}
