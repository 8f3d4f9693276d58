//! Building the application state and session store from the configuration.

use std::sync::Arc;

use anyhow::Context;
use app::server::{
    credentials::{Issuer, SigningKey},
    live::ProgressHub,
    mail::Mailer,
    payments::{Payments, StripeApi},
    rate_limit::RateLimiter,
    services::points::board::Leaderboards,
    state::{AppState, Settings},
    storage::{S3Config, Storage},
};
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use tower_sessions::MemoryStore;
use tower_sessions_redis_store::RedisStore;

use crate::{config::Config, page_cache::PageCache, sessions::Store};

/// The state plus the session store it was built with.
pub struct Wiring {
    /// Shared state for routes and server functions.
    pub state: AppState,
    /// The session store (memory or Redis).
    pub store: Store,
    /// Whether the session cookie is `Secure`.
    pub cookie_secure: bool,
    /// The request deadline (see [`crate::timeout`]).
    pub request_timeout: std::time::Duration,
    /// The Prometheus registry behind `/metrics`.
    pub metrics: crate::metrics::Metrics,
    /// Anonymous visitors' public pages as last rendered (see [`crate::page_cache`]).
    pub page_cache: crate::page_cache::PageCache,
}

/// Chooses each backend from the configuration: Redis or in-process for sessions, rate
/// limits and live progress updates, SMTP or the outbox folder for mail, an S3 bucket or a local folder for media.
pub async fn build(
    config: &Config,
    leptos_options: LeptosOptions,
    db: DatabaseConnection,
) -> anyhow::Result<Wiring> {
    let (store, limiter, progress, page_cache, leaderboards) = match &config.redis_url {
        Some(url) => {
            let redacted = crate::config::redact_url(url);
            let pool = crate::sessions::redis_pool(url)
                .await
                .with_context(|| format!("connecting to Redis at {redacted}"))?;
            let subscriber = crate::sessions::redis_subscriber(url)
                .await
                .with_context(|| format!("subscribing to Redis at {redacted}"))?;
            let progress = ProgressHub::redis(
                pool.clone(),
                subscriber,
                format!("{}progress", config.redis_key_prefix),
            )
            .await
            .with_context(|| format!("subscribing to progress updates at {redacted}"))?;
            (
                Store::Redis(RedisStore::new(pool.clone())),
                RateLimiter::redis(pool.clone(), format!("{}rl:", config.redis_key_prefix)),
                progress,
                PageCache::new(
                    config.page_cache_ttl,
                    Some((pool.clone(), config.redis_key_prefix.as_str())),
                ),
                Leaderboards::Redis {
                    pool,
                    prefix: config.redis_key_prefix.clone(),
                },
            )
        }
        None => (
            Store::Memory(MemoryStore::default()),
            RateLimiter::in_memory(),
            ProgressHub::in_process(),
            PageCache::new(config.page_cache_ttl, None),
            Leaderboards::Sql,
        ),
    };
    let mailer = match &config.smtp_url {
        Some(url) => Mailer::smtp(url, &config.mail_from).context("configuring SMTP_URL")?,
        None => Mailer::outbox(&config.outbox_dir),
    };
    let storage = media_storage(config).await?;
    let payments = payments(config)?;
    let metrics = crate::metrics::Metrics::new(db.clone(), config.metrics_token.as_deref());
    let issuer = issuer(config).await?;
    Ok(Wiring {
        metrics,
        state: AppState {
            leptos_options,
            db,
            mailer: Arc::new(mailer),
            limiter: Arc::new(limiter),
            settings: Arc::new(Settings {
                public_url: config.public_url.clone(),
                proxies: config.proxies.clone(),
                api_requests_per_minute: config.api_requests_per_minute,
            }),
            storage,
            progress,
            search: Default::default(),
            payments,
            issuer: Arc::new(issuer),
            leaderboards,
        },
        store,
        cookie_secure: config.cookie_secure,
        request_timeout: config.request_timeout,
        page_cache,
    })
}

/// The credential issuer: its key from `BADGE_SIGNING_KEY`, else from the key file (made with
/// a new key on the first start); logs the key's id and where it came from, never the key.
async fn issuer(config: &Config) -> anyhow::Result<Issuer> {
    let pem = config.badge_signing_key.clone();
    let file = std::path::PathBuf::from(&config.badge_key_file);
    let from = match &pem {
        Some(_) => "BADGE_SIGNING_KEY".to_owned(),
        None => file.display().to_string(),
    };
    // Generating a key takes a moment of CPU: not on an async worker.
    let key =
        tokio::task::spawn_blocking(move || SigningKey::load_or_create(pem.as_deref(), &file))
            .await
            .context("loading the credential signing key")??;
    tracing::info!(kid = %key.public().kid, from = %from, "credential signing key");
    Ok(Issuer::new(key, &config.public_url, "Lectern"))
}

/// Stripe when `STRIPE_SECRET_KEY` is set (its webhook secret is then required), the demo
/// checkout when the demo is on, else none; logs which (never a key).
fn payments(config: &Config) -> anyhow::Result<Payments> {
    if let Some(key) = &config.stripe_secret_key {
        let Some(secret) = &config.stripe_webhook_secret else {
            anyhow::bail!(
                "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: without it no \
                 payment could be confirmed (see the README's Payments section)"
            );
        };
        let api = StripeApi::new(&config.stripe_api_base, key)
            .map_err(|e| anyhow::anyhow!("configuring Stripe: {e}"))?;
        tracing::info!(provider = "stripe", api = %config.stripe_api_base, "payments");
        return Ok(Payments::stripe(api, secret.clone()));
    }
    if config.demo {
        let secret = match &config.stripe_webhook_secret {
            Some(secret) => secret.clone(),
            None => {
                let mut bytes = [0u8; 32];
                getrandom::fill(&mut bytes)
                    .map_err(|e| anyhow::anyhow!("no randomness for the demo checkout: {e}"))?;
                format!("whsec_demo_{}", hex::encode(bytes))
            }
        };
        tracing::info!(
            provider = "demo",
            "payments: the demo checkout (no card is charged)"
        );
        return Ok(Payments::demo(secret));
    }
    tracing::warn!(
        "payments: off (no STRIPE_SECRET_KEY): paid courses cannot be bought until it and \
         STRIPE_WEBHOOK_SECRET are set"
    );
    Ok(Payments::off())
}

/// The S3 bucket when `S3_BUCKET` is set, else the local `MEDIA_DIR`; logs which (the bucket
/// and endpoint, never credentials).
async fn media_storage(config: &Config) -> anyhow::Result<Storage> {
    let Some(bucket) = &config.s3_bucket else {
        tracing::info!(backend = "local", dir = %config.media_dir, "media storage");
        return Ok(Storage::local(&config.media_dir));
    };
    let storage = Storage::s3(S3Config {
        bucket: bucket.clone(),
        region: config.s3_region.clone(),
        endpoint: config.s3_endpoint.clone(),
        force_path_style: config.s3_force_path_style,
        // The standard AWS chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile, ECS role.
        access_key_id: None,
        secret_access_key: None,
    })
    .await
    .context("configuring S3_BUCKET")?;
    tracing::info!(
        backend = storage.backend_name(),
        %bucket,
        region = %config.s3_region,
        endpoint = config.s3_endpoint.as_deref().map(crate::config::redact_url).as_deref().unwrap_or("AWS"),
        "media storage"
    );
    Ok(storage)
}
