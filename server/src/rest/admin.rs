//! `/api/v1/admin`: the user list and roles, for admins with the `admin` scope, through the same
//! services as the admin pages (the last admin keeps the role).

use app::models::{AdminUserPage, AdminUserQuery, ApiScope, Role, UserSummary};
use app::server::services::accounts;
use app::server::state::AppState;
use axum::{
    extract::{
        rejection::{JsonRejection, PathRejection, QueryRejection},
        Path, Query, State,
    },
    http::{header, HeaderMap},
    response::{IntoResponse, Response},
    Json,
};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::caller::{self, Caller};
use super::catalogue::MAX_PAGE;
use super::paging::links;
use super::problem::Problem;

/// Longest search text.
const MAX_QUERY_CHARS: usize = 200;

/// The caller with the `admin` scope and the admin role.
async fn admin(
    state: &AppState,
    headers: &HeaderMap,
    session: &Session,
) -> Result<Caller, Problem> {
    caller::with_role(
        state,
        headers,
        session,
        ApiScope::Admin,
        Role::Admin,
        "Only admins manage users.",
    )
    .await
}

/// A search of the user list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserParams {
    /// Words that must all appear in the email or display name.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only users with this role.
    #[param(pattern = "^(learner|instructor|admin)$")]
    pub role: Option<String>,
    /// The page, from 1 (20 users a page).
    #[param(minimum = 1, maximum = 10000)]
    pub page: Option<u64>,
}

/// Lists users, 20 a page.
///
/// Users (not deleted ones) matching a search and role, by email, with `Link` headers to the
/// other pages.
#[utoipa::path(
    get,
    path = "/api/v1/admin/users",
    tag = "admin",
    params(UserParams),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, description = "One page of users", body = AdminUserPage),
        (status = 400, description = "A parameter of the wrong type", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `admin` scope, or not an admin", body = Problem),
        (status = 422, description = "A parameter out of range", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn users(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    params: Result<Query<UserParams>, QueryRejection>,
) -> Result<Response, Problem> {
    let Query(params) = params.map_err(|e| Problem::bad_request(e.body_text()))?;
    admin(&state, &headers, &session).await?;
    let mut errors = app::error::FieldErrors::new();
    if params.page.is_some_and(|p| p == 0 || p > MAX_PAGE) {
        errors.insert(
            "page".to_owned(),
            format!("Pages run from 1 to {MAX_PAGE}."),
        );
    }
    if params
        .q
        .as_ref()
        .is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS)
    {
        errors.insert(
            "q".to_owned(),
            "Search for at most 200 characters.".to_owned(),
        );
    }
    if params
        .role
        .as_deref()
        .is_some_and(|r| Role::parse(r).is_none())
    {
        errors.insert(
            "role".to_owned(),
            "Roles are learner, instructor and admin.".to_owned(),
        );
    }
    if !errors.is_empty() {
        return Err(app::error::AppError::Validation(errors).into());
    }
    let query = AdminUserQuery {
        q: params.q,
        role: params.role,
        page: params.page,
    };
    let page = accounts::users_admin::list_users(&state.db, &query).await?;
    let link = links(page.page, page.total_pages, |p| {
        let mut url = form_urlencoded::Serializer::new(String::new());
        if let Some(q) = query.q.as_deref().filter(|q| !q.is_empty()) {
            url.append_pair("q", q);
        }
        if let Some(role) = query.role.as_deref() {
            url.append_pair("role", role);
        }
        url.append_pair("page", &p.to_string());
        format!("/api/v1/admin/users?{}", url.finish())
    });
    let mut response = Json(page).into_response();
    if !link.is_empty() {
        response.headers_mut().insert(header::LINK, link);
    }
    Ok(response)
}

/// A user's new role.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct NewRole {
    /// `learner`, `instructor` or `admin`.
    #[schema(pattern = "^(learner|instructor|admin)$", example = "instructor")]
    pub role: String,
}

/// Sets a user's role.
///
/// Setting the role they have changes nothing; the last admin cannot be demoted (409).
#[utoipa::path(
    put,
    path = "/api/v1/admin/users/{id}/role",
    tag = "admin",
    request_body = NewRole,
    params(("id" = i64, Path, description = "The user's id", example = 1)),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, description = "The user with the new role", body = UserSummary),
        (status = 400, description = "A body that is not a role", body = Problem),
        (status = 401, description = "No credentials, or ones that do not authenticate", body = Problem),
        (status = 403, description = "No `admin` scope, or not an admin", body = Problem),
        (status = 404, description = "No such user", body = Problem),
        (status = 409, description = "That would leave no admin", body = Problem),
        (status = 422, description = "An unknown role", body = Problem),
        (status = 429, description = "Too many requests", body = Problem),
    )
)]
pub async fn set_role(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    user: Result<Path<i64>, PathRejection>,
    body: Result<Json<NewRole>, JsonRejection>,
) -> Result<Json<UserSummary>, Problem> {
    let Path(user_id) = user.map_err(|e| Problem::bad_request(e.body_text()))?;
    let c = admin(&state, &headers, &session).await?;
    let Json(new) = body.map_err(|e| Problem::bad_request(e.body_text()))?;
    let role = Role::parse(&new.role)
        .ok_or_else(|| app::error::AppError::field("role", "Unknown role."))?;
    let user = accounts::roles::set_role(&state.db, c.user.id, user_id, role).await?;
    tracing::info!(
        admin_id = c.user.id,
        user_id,
        role = role.as_str(),
        "role changed through the API"
    );
    Ok(Json(accounts::summary(&user)))
}
