//! The shared application state handed to routes and server functions.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

use super::live::ProgressHub;
use super::mail::Mailer;
use super::rate_limit::RateLimiter;
use super::services::search_index::SearchIndexCache;
use super::storage::Storage;

/// Settings server functions need at request time.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The site's public origin, e.g. `https://lectern.example.org` (links in emails).
    pub public_url: String,
    /// Which proxies in front of the server are ours, for the client address.
    pub proxies: super::proxy::ProxyTrust,
    /// Requests one REST API client may make a minute.
    pub api_requests_per_minute: u32,
}

/// Everything a request may need: Leptos options, the database, mail, rate limits, media and
/// live progress updates.
#[derive(Clone)]
pub struct AppState {
    /// Leptos site options (site root, output name, address).
    pub leptos_options: LeptosOptions,
    /// The database pool (SQLite or Postgres).
    pub db: DatabaseConnection,
    /// Outgoing email (SMTP, or the local outbox).
    pub mailer: Arc<Mailer>,
    /// Attempt counters (Redis, or in-process).
    pub limiter: Arc<RateLimiter>,
    /// Request-time settings.
    pub settings: Arc<Settings>,
    /// Uploaded media (local disk, or an S3 bucket).
    pub storage: Storage,
    /// Live progress updates for learners' open streams (Redis pub/sub, or in-process).
    pub progress: ProgressHub,
    /// The catalogue's search index, rebuilt when the catalogue changes.
    pub search: SearchIndexCache,
    /// The payment provider (Stripe, the demo checkout, or none).
    pub payments: super::payments::Payments,
    /// The issuer of badge credentials, with its signing key.
    pub issuer: Arc<super::credentials::Issuer>,
    /// Where leaderboards are ranked (Redis sorted sets, or SQL).
    pub leaderboards: super::services::points::board::Leaderboards,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
