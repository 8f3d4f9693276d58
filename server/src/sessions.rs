//! The session store: in-process by default, Redis (shared by every instance) with `REDIS_URL`.

use async_trait::async_trait;
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

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Store::Memory(s) => s.create(record).await,
            Store::Redis(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Store::Memory(s) => s.save(record).await,
            Store::Redis(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Store::Memory(s) => s.load(id).await,
            Store::Redis(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Store::Memory(s) => s.delete(id).await,
            Store::Redis(s) => s.delete(id).await,
        }
    }
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
