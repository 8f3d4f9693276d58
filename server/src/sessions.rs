//! The session store: in-process by default, Redis (shared by every instance) with `REDIS_URL`.

use std::cell::Cell;

use async_trait::async_trait;
use axum::{
    extract::Request,
    http::{header, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use fred::prelude::{ClientLike, Config as RedisConfig, Pool};
use tower_sessions::{
    cookie::{time::Duration as CookieDuration, SameSite},
    session::{Id, Record},
    session_store, Expiry, MemoryStore, SessionManagerLayer, SessionStore,
};
use tower_sessions_redis_store::RedisStore;

use app::server::session::IDLE_LIFETIME_SECS;

/// Either session backend behind one type, chosen at start-up.
#[derive(Debug, Clone)]
pub enum Store {
    /// Sessions in this process's memory (single instance, lost on restart).
    Memory(MemoryStore),
    /// Sessions in Redis, shared by every instance.
    Redis(RedisStore<Pool>),
}

tokio::task_local! {
    /// Set when a session store call failed during the current request (see [`outage_status`]).
    static STORE_FAILED: Cell<bool>;
}

/// `result`, remembering a failure for [`outage_status`] (outside a request: nothing to note).
fn noted<T>(result: session_store::Result<T>) -> session_store::Result<T> {
    if result.is_err() {
        let _ = STORE_FAILED.try_with(|failed| failed.set(true));
    }
    result
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        noted(match self {
            Store::Memory(s) => s.create(record).await,
            Store::Redis(s) => s.create(record).await,
        })
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        noted(match self {
            Store::Memory(s) => s.save(record).await,
            Store::Redis(s) => s.save(record).await,
        })
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        noted(match self {
            Store::Memory(s) => s.load(id).await,
            Store::Redis(s) => s.load(id).await,
        })
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        noted(match self {
            Store::Memory(s) => s.delete(id).await,
            Store::Redis(s) => s.delete(id).await,
        })
    }
}

/// Middleware (outside the session layer): a request that failed because the session store
/// could not be reached answers `503 Service Unavailable` with `Retry-After`, as other outages
/// of a backing service do, instead of the session layer's bare 500. The answer carries the
/// `Unavailable` error, which the browser's server-function client shows as it is.
pub async fn outage_status(request: Request, next: Next) -> Response {
    let (response, failed) = STORE_FAILED
        .scope(Cell::new(false), async move {
            let response = next.run(request).await;
            (response, STORE_FAILED.with(Cell::get))
        })
        .await;
    if !failed || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let mut response = crate::api_errors::error_response(app::error::AppError::Unavailable);
    let headers = response.headers_mut();
    headers.insert(
        header::RETRY_AFTER,
        crate::api_errors::UNAVAILABLE_RETRY_AFTER,
    );
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response.into_response()
}

/// Connects a pool of Redis clients to `url` (used for sessions and rate limits). Clients
/// reconnect after Redis restarts or the network drops (backing off up to 5 s), and a command
/// that gets no answer within 2 s fails instead of holding its request: while Redis is away,
/// requests that need it fail fast with 503 and `/readyz` says so; afterwards they work again
/// without restarting Lectern.
pub async fn redis_pool(url: &str) -> anyhow::Result<Pool> {
    let config = RedisConfig::from_url(url)?;
    let performance = fred::types::config::PerformanceConfig {
        default_command_timeout: std::time::Duration::from_secs(2),
        ..Default::default()
    };
    let connection = fred::types::config::ConnectionConfig {
        connection_timeout: std::time::Duration::from_secs(2),
        internal_command_timeout: std::time::Duration::from_secs(2),
        max_command_attempts: 2,
        ..Default::default()
    };
    let policy = fred::types::config::ReconnectPolicy::new_exponential(0, 100, 5_000, 2);
    let pool = Pool::new(config, Some(performance), Some(connection), Some(policy), 4)?;
    pool.init().await?;
    Ok(pool)
}

/// A pub/sub client connected to `url` that reconnects (backing off up to 30 s) and then
/// re-subscribes, for live progress updates across instances.
pub async fn redis_subscriber(url: &str) -> anyhow::Result<fred::clients::SubscriberClient> {
    let mut builder = fred::types::Builder::from_config(RedisConfig::from_url(url)?);
    builder.set_policy(fred::types::config::ReconnectPolicy::new_exponential(
        0, 100, 30_000, 2,
    ));
    let subscriber = builder.build_subscriber_client()?;
    subscriber.init().await?;
    Ok(subscriber)
}

/// The session layer: cookie `lectern_session`, HttpOnly, SameSite=Lax, `Secure` when asked,
/// expiring after seven idle days (the 30-day absolute limit is checked per request).
pub fn layer(store: Store, secure: bool) -> SessionManagerLayer<Store> {
    SessionManagerLayer::new(store)
        .with_name("lectern_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(CookieDuration::seconds(
            IDLE_LIFETIME_SECS,
        )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{body::Body, routing::get, Router};
    use tower::ServiceExt as _;

    /// A 500 after a failed store call (what the session layer answers when saving fails), and
    /// a 500 of a handler that never touched the store.
    fn router() -> Router {
        Router::new()
            .route(
                "/save-failed",
                get(|| async {
                    let _ = noted::<()>(Err(session_store::Error::Backend("down".into())));
                    StatusCode::INTERNAL_SERVER_ERROR
                }),
            )
            .route(
                "/other-fault",
                get(|| async { StatusCode::INTERNAL_SERVER_ERROR }),
            )
            .layer(axum::middleware::from_fn(outage_status))
    }

    async fn get_status(path: &str) -> (StatusCode, Option<String>, String) {
        let request = Request::builder()
            .uri(path)
            .body(Body::empty())
            .expect("request");
        let response = router().oneshot(request).await.expect("response");
        let status = response.status();
        let retry_after = response
            .headers()
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = axum::body::to_bytes(response.into_body(), 4096)
            .await
            .expect("body");
        (
            status,
            retry_after,
            String::from_utf8_lossy(&body).into_owned(),
        )
    }

    #[tokio::test]
    async fn a_store_failure_answers_503_with_retry_after() {
        let (status, retry_after, body) = get_status("/save-failed").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(retry_after.as_deref(), Some("5"));
        let error: app::error::AppError = serde_json::from_str(&body).expect("AppError body");
        assert_eq!(error, app::error::AppError::Unavailable);
    }

    #[tokio::test]
    async fn other_faults_stay_500() {
        let (status, retry_after, _) = get_status("/other-fault").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(retry_after, None);
    }
}
