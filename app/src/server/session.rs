//! What a session remembers about who is signed in, and signing in and out.
//!
//! The session holds the user's id and `auth_version`; a password change, reset or account
//! deletion bumps the version, which ends every other session of that user.

use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::error::AppError;
use crate::server::entities::user;

/// The session key under which [`SessionAuth`] is stored.
pub const AUTH_KEY: &str = "auth";
/// However active, a session must sign in again after this many seconds (30 days).
pub const ABSOLUTE_LIFETIME_SECS: i64 = 30 * 24 * 3600;
/// A session unused for this long expires (7 days); set on the session layer.
pub const IDLE_LIFETIME_SECS: i64 = 7 * 24 * 3600;

/// The signed-in user as recorded in the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionAuth {
    /// The user's id.
    pub user_id: i64,
    /// The user's `auth_version` when they signed in.
    pub auth_version: i32,
    /// Unix time of the sign-in, for the absolute lifetime.
    pub signed_in_at: i64,
}

/// A session that cannot be read or written: the store (Redis) is away, which is an outage of a
/// backing service (503, try again shortly), not a fault in the request or in Lectern.
fn store_error(error: tower_sessions::session::Error) -> AppError {
    match error {
        tower_sessions::session::Error::Store(error) => {
            tracing::warn!(%error, "session store unavailable");
            AppError::Unavailable
        }
        tower_sessions::session::Error::SerdeJson(error) => {
            tracing::error!(%error, "session data unreadable");
            AppError::Internal
        }
    }
}

/// Signs `user` in: a new session id (against fixation), then the user's identity.
pub async fn sign_in(session: &Session, user: &user::Model) -> Result<(), AppError> {
    session.cycle_id().await.map_err(store_error)?;
    let auth = SessionAuth {
        user_id: user.id,
        auth_version: user.auth_version,
        signed_in_at: chrono::Utc::now().timestamp(),
    };
    session.insert(AUTH_KEY, auth).await.map_err(store_error)
}

/// Records a new `auth_version` for the current session (after the user's own password change).
pub async fn refresh(session: &Session, user: &user::Model) -> Result<(), AppError> {
    if let Some(mut auth) = read(session).await? {
        auth.auth_version = user.auth_version;
        session.insert(AUTH_KEY, auth).await.map_err(store_error)?;
    }
    Ok(())
}

/// Ends the session entirely: its data is deleted from the store and the cookie cleared.
pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(store_error)
}

/// The identity stored in the session, if any.
pub async fn read(session: &Session) -> Result<Option<SessionAuth>, AppError> {
    session.get(AUTH_KEY).await.map_err(store_error)
}
