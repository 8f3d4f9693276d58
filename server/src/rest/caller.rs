//! Who is calling the REST API and what their credentials allow: a bearer token (with the
//! scopes chosen when it was made) or a signed-in browser session (every scope; the cross-site
//! check guards its state changes).

use app::models::{role_at_least, ApiScope, Role};
use app::server::entities::user;
use app::server::services::accounts::api_tokens;
use app::server::state::AppState;
use axum::http::{header, HeaderMap};
use tower_sessions::Session;

use super::problem::Problem;

/// An authenticated caller of the API.
pub struct Caller {
    pub user: user::Model,
    scopes: Vec<ApiScope>,
}

impl Caller {
    /// `Ok` when the caller's credentials carry `scope`; a 403 problem naming it otherwise.
    pub fn require(&self, scope: ApiScope) -> Result<(), Problem> {
        if self.scopes.contains(&scope) {
            Ok(())
        } else {
            Err(Problem::missing_scope(scope.key()))
        }
    }
}

/// The bearer secret of `headers`, if they carry one.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// The caller, or `None` when the request carries no credentials at all. Credentials that do
/// not authenticate (an unknown or revoked token) are a 401, never an anonymous call.
pub async fn optional(
    state: &AppState,
    headers: &HeaderMap,
    session: &Session,
) -> Result<Option<Caller>, Problem> {
    if let Some(secret) = bearer(headers) {
        return match api_tokens::authenticate_scoped(&state.db, secret).await? {
            Some((user, scopes)) => Ok(Some(Caller { user, scopes })),
            None => Err(Problem::unauthorized()),
        };
    }
    let user = app::server::context::user_from_request(state, headers, session).await?;
    Ok(user.map(|user| Caller {
        user,
        scopes: ApiScope::ALL.to_vec(),
    }))
}

/// The caller holding `scope`: 401 without credentials, 403 without the scope.
pub async fn required(
    state: &AppState,
    headers: &HeaderMap,
    session: &Session,
    scope: ApiScope,
) -> Result<Caller, Problem> {
    let caller = optional(state, headers, session)
        .await?
        .ok_or_else(Problem::unauthorized)?;
    caller.require(scope)?;
    Ok(caller)
}

/// The caller holding `scope` and at least `role`: 401 without credentials, 403 without the
/// scope, 403 with `refusal` below the role.
pub async fn with_role(
    state: &AppState,
    headers: &HeaderMap,
    session: &Session,
    scope: ApiScope,
    role: Role,
    refusal: &str,
) -> Result<Caller, Problem> {
    let caller = required(state, headers, session, scope).await?;
    if role_at_least(&caller.user.role, role) {
        Ok(caller)
    } else {
        Err(Problem::new("forbidden", 403, "Forbidden", refusal))
    }
}
