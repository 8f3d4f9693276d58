//! Who is asking: request-scoped helpers for server functions.

use leptos::prelude::use_context;
use tower_sessions::Session;

use super::services::accounts;
use super::session::{self, ABSOLUTE_LIFETIME_SECS};
use super::state::AppState;
use crate::error::AppError;
use crate::models::{role_at_least, Role};
use crate::server::entities::user;

/// The application state provided by the router; `Internal` if it is missing (a wiring bug).
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from context");
        AppError::Internal
    })
}

/// The request's session; `Internal` when the session layer is missing (a wiring bug).
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|error| {
        tracing::error!(%error, "session layer missing");
        AppError::Internal
    })
}

fn bearer_token(headers: &axum::http::HeaderMap) -> Option<String> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let token = value.strip_prefix("Bearer ")?.trim();
    (!token.is_empty()).then(|| token.to_owned())
}

/// The user making this request, from an API token (`Authorization: Bearer`) or the session.
///
/// A session whose user was deleted, changed password elsewhere, or outlived the absolute
/// lifetime is ended here and treated as signed out. A bad bearer token is `Unauthorized`.
pub async fn current_user() -> Result<Option<user::Model>, AppError> {
    let state = app_state()?;
    let headers: axum::http::HeaderMap = leptos_axum::extract().await.unwrap_or_default();
    let session = session().await?;
    user_from_request(&state, &headers, &session).await
}

/// [`current_user`] for plain axum routes, from the request's headers and session.
pub async fn user_from_request(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    session: &Session,
) -> Result<Option<user::Model>, AppError> {
    if let Some(token) = bearer_token(headers) {
        return match accounts::api_tokens::authenticate(&state.db, &token).await? {
            Some(user) => Ok(Some(user)),
            None => Err(AppError::Unauthorized),
        };
    }
    let Some(auth) = session::read(session).await? else {
        return Ok(None);
    };
    let expired = chrono::Utc::now().timestamp() - auth.signed_in_at > ABSOLUTE_LIFETIME_SECS;
    let user = match accounts::active_user(&state.db, auth.user_id).await {
        Ok(user) if user.auth_version == auth.auth_version && !expired => Some(user),
        Ok(_) | Err(AppError::NotFound) => None,
        Err(other) => return Err(other),
    };
    if user.is_none() {
        session::sign_out(session).await?;
    }
    Ok(user)
}

/// The signed-in user, or `Unauthorized`.
pub async fn require_user() -> Result<user::Model, AppError> {
    current_user().await?.ok_or(AppError::Unauthorized)
}

/// The signed-in user if their role is at least `role`; `Unauthorized` or `Forbidden` otherwise.
pub async fn require_role(role: Role) -> Result<user::Model, AppError> {
    let user = require_user().await?;
    if role_at_least(&user.role, role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The application state and the signed-in instructor (or admin), for instructor server
/// functions; `Unauthorized` or `Forbidden` otherwise. Course ownership is the service's check.
pub async fn require_instructor() -> Result<(AppState, user::Model), AppError> {
    let user = require_role(Role::Instructor).await?;
    Ok((app_state()?, user))
}

/// The application state and the signed-in user; `Unauthorized` when signed out. What the
/// user may open is the service's check.
pub async fn require_signed_in() -> Result<(AppState, user::Model), AppError> {
    let user = require_user().await?;
    Ok((app_state()?, user))
}

/// The client's IP address for rate limiting: the socket peer, or, behind proxies of ours
/// (`TRUSTED_PROXY_HOPS`, `TRUSTED_PROXIES`), the right-most `X-Forwarded-For` address that
/// is not one of them (see [`crate::server::proxy`]).
pub async fn client_ip() -> String {
    let Ok(axum::extract::ConnectInfo(peer)) =
        leptos_axum::extract::<axum::extract::ConnectInfo<std::net::SocketAddr>>().await
    else {
        return "unknown".to_owned();
    };
    let Some(state) = use_context::<AppState>().filter(|s| s.settings.proxies.enabled()) else {
        return peer.ip().to_string();
    };
    let headers: axum::http::HeaderMap = leptos_axum::extract().await.unwrap_or_default();
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let joined = forwarded.join(",");
    crate::server::proxy::client_address(
        peer.ip(),
        (!joined.is_empty()).then_some(joined.as_str()),
        &state.settings.proxies,
    )
    .to_string()
}
