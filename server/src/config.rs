//! Typed configuration from environment variables, with defaults for the embedded setup.

use std::time::Duration;

use anyhow::{bail, Context};

/// Default database: a SQLite file under `data/`, created on first start.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/lectern.db?mode=rwc";
/// Default file for the credential signing key, next to the default database.
pub const DEFAULT_BADGE_KEY_FILE: &str = "data/badge-signing-key.pem";

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines (default).
    Text,
    /// One JSON object per line, for log shippers.
    Json,
}

/// Everything the server reads from its environment.
#[derive(Clone)]
pub struct Config {
    /// `sqlite://…` (default) or `postgres://…`.
    pub database_url: String,
    /// Largest number of pooled database connections.
    pub database_max_connections: u32,
    /// Log line format (`LOG_FORMAT=json` for JSON).
    pub log_format: LogFormat,
    /// Load the demo catalogue into an empty database on start.
    pub demo: bool,
    /// A password for the demo instructors (local demos only; never on a public site).
    pub demo_password: Option<String>,
    /// Run pending migrations on start (turn off where a deploy step runs `server migrate`).
    pub migrate_on_start: bool,
    /// How long in-flight requests may take to finish after SIGTERM.
    pub shutdown_timeout: Duration,
    /// How long one request may run before it is answered 503 or cut off
    /// (`REQUEST_TIMEOUT_SECS`; uploads, media downloads and live streams are exempt).
    pub request_timeout: Duration,
    /// How long anonymous visitors' public pages may be served from the page cache
    /// (`PAGE_CACHE_TTL_SECS`, 0 to 3600; 0 turns the cache off). See [`crate::page_cache`].
    pub page_cache_ttl: Duration,
    /// Requests one REST API client (a token, or an address) may make a minute
    /// (`API_REQUESTS_PER_MINUTE`, 1 to 1,000,000; default 300).
    pub api_requests_per_minute: u32,
    /// Redis for sessions and rate limits, shared by every instance; in-process without it.
    pub redis_url: Option<String>,
    /// Prefix for every Redis key Lectern writes (apps sharing one Redis keep apart).
    pub redis_key_prefix: String,
    /// SMTP server for email; without it mail goes to `outbox_dir` and the log.
    pub smtp_url: Option<String>,
    /// The sender of outgoing email.
    pub mail_from: String,
    /// Where email is written when no SMTP server is configured.
    pub outbox_dir: String,
    /// The public origin of the site (links in email, cross-site checks).
    pub public_url: String,
    /// Mark the session cookie `Secure` (default: when `PUBLIC_URL` is https).
    pub cookie_secure: bool,
    /// The proxies in front of the server whose `X-Forwarded-For` entries are believed:
    /// `TRUSTED_PROXY_HOPS` (how many; `TRUST_PROXY=true` means 1) and `TRUSTED_PROXIES`
    /// (CIDR networks). None by default.
    pub proxies: app::server::proxy::ProxyTrust,
    /// Where uploaded media is kept when no S3 bucket is configured.
    pub media_dir: String,
    /// The S3 bucket for media; when set, media goes there instead of `media_dir`.
    /// Credentials come from the standard AWS chain (env, profile, ECS task role).
    pub s3_bucket: Option<String>,
    /// The bucket's region.
    pub s3_region: String,
    /// An S3-compatible server's URL (MinIO, Garage, moto…); unset for AWS.
    pub s3_endpoint: Option<String>,
    /// Path-style bucket addressing (default: on when `s3_endpoint` is set).
    pub s3_force_path_style: bool,
    /// Bearer token for `/metrics`; without it only loopback peers may scrape.
    pub metrics_token: Option<String>,
    /// OTLP trace export, when `OTEL_EXPORTER_OTLP_ENDPOINT` is set.
    pub otel: Option<crate::telemetry::otel::OtelConfig>,
    /// Stripe's secret API key; with it paid courses are sold through Stripe Checkout.
    pub stripe_secret_key: Option<String>,
    /// The signing secret of Lectern's Stripe webhook endpoint (`whsec_…`).
    pub stripe_webhook_secret: Option<String>,
    /// Stripe's API address (`https://api.stripe.com`; tests point it at a local fake).
    pub stripe_api_base: String,
    /// The credential signing key as PEM (`BADGE_SIGNING_KEY`; production: from the secrets
    /// store, the same for every instance). Without it, [`Config::badge_key_file`].
    pub badge_signing_key: Option<String>,
    /// Where the credential signing key is kept when `BADGE_SIGNING_KEY` is not set
    /// (`BADGE_SIGNING_KEY_FILE`, default `data/badge-signing-key.pem`; made on first start).
    pub badge_key_file: String,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The database URL may hold a password: never print it.
        f.debug_struct("Config")
            .field("database", &redact_url(&self.database_url))
            .field("database_max_connections", &self.database_max_connections)
            .field("log_format", &self.log_format)
            .field("demo", &self.demo)
            .field("demo_password", &self.demo_password.as_ref().map(|_| "***"))
            .field("migrate_on_start", &self.migrate_on_start)
            .field("shutdown_timeout", &self.shutdown_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("page_cache_ttl", &self.page_cache_ttl)
            .field("api_requests_per_minute", &self.api_requests_per_minute)
            .field("redis", &self.redis_url.as_deref().map(redact_url))
            .field("smtp", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("outbox_dir", &self.outbox_dir)
            .field("public_url", &self.public_url)
            .field("cookie_secure", &self.cookie_secure)
            .field("proxies", &self.proxies)
            .field("media_dir", &self.media_dir)
            .field("s3_bucket", &self.s3_bucket)
            .field("s3_region", &self.s3_region)
            .field("s3_endpoint", &self.s3_endpoint.as_deref().map(redact_url))
            .field("s3_force_path_style", &self.s3_force_path_style)
            // A secret: say only whether it is set.
            .field("metrics_token", &self.metrics_token.as_ref().map(|_| "***"))
            .field("otel", &self.otel)
            .field(
                "stripe_secret_key",
                &self.stripe_secret_key.as_ref().map(|_| "***"),
            )
            .field(
                "stripe_webhook_secret",
                &self.stripe_webhook_secret.as_ref().map(|_| "***"),
            )
            .field("stripe_api_base", &self.stripe_api_base)
            .field(
                "badge_signing_key",
                &self.badge_signing_key.as_ref().map(|_| "***"),
            )
            .field("badge_key_file", &self.badge_key_file)
            .finish()
    }
}

/// A URL with any `user:password@` part replaced, safe to log.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***@{}", &url[..scheme_end], &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

/// `TRUSTED_PROXY_HOPS` (default 1 with `TRUST_PROXY=true`, else 0) and `TRUSTED_PROXIES`.
fn proxies() -> anyhow::Result<app::server::proxy::ProxyTrust> {
    let legacy = usize::from(flag("TRUST_PROXY", false)?);
    let hops: usize = number("TRUSTED_PROXY_HOPS", legacy)?;
    if hops > 10 {
        bail!("TRUSTED_PROXY_HOPS must be at most 10, not {hops}");
    }
    app::server::proxy::ProxyTrust::parse(hops, &text("TRUSTED_PROXIES").unwrap_or_default())
        .map_err(|e| anyhow::anyhow!("TRUSTED_PROXIES: {e}"))
}

/// In production (`LEPTOS_ENV=PROD`) the public URL must be the site's https address: it
/// makes the session cookie `Secure`, it is where email links point, and the cross-site check
/// compares browsers' `Origin` with it. Plain http is allowed only on loopback, for running a
/// release build on one's own machine.
pub fn check_production_url(public_url: &str) -> anyhow::Result<()> {
    let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|base| {
            public_url.strip_prefix(base).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(':') || rest.starts_with('/')
            })
        });
    if public_url.starts_with("https://") || loopback {
        return Ok(());
    }
    bail!(
        "LEPTOS_ENV=PROD needs PUBLIC_URL set to the site's https:// address (it is {public_url:?}): \
         without it session cookies are not Secure, email links are wrong and browser forms \
         fail the cross-site check"
    )
}

/// `REQUEST_TIMEOUT_SECS`, between 1 second and 1 hour.
fn request_timeout() -> anyhow::Result<Duration> {
    let secs: u64 = number("REQUEST_TIMEOUT_SECS", crate::timeout::DEFAULT.as_secs())?;
    if !(1..=3600).contains(&secs) {
        bail!("REQUEST_TIMEOUT_SECS must be between 1 and 3600, not {secs}");
    }
    Ok(Duration::from_secs(secs))
}

/// `PAGE_CACHE_TTL_SECS`, between 0 (off) and 1 hour.
fn page_cache_ttl() -> anyhow::Result<Duration> {
    let secs: u64 = number("PAGE_CACHE_TTL_SECS", DEFAULT_PAGE_CACHE_TTL.as_secs())?;
    if secs > 3600 {
        bail!("PAGE_CACHE_TTL_SECS must be between 0 and 3600, not {secs}");
    }
    Ok(Duration::from_secs(secs))
}

/// `API_REQUESTS_PER_MINUTE`, between 1 and 1,000,000.
fn api_requests_per_minute() -> anyhow::Result<u32> {
    let n: u32 = number("API_REQUESTS_PER_MINUTE", DEFAULT_API_REQUESTS_PER_MINUTE)?;
    if !(1..=1_000_000).contains(&n) {
        bail!("API_REQUESTS_PER_MINUTE must be between 1 and 1000000, not {n}");
    }
    Ok(n)
}

/// The REST API's rate limit when `API_REQUESTS_PER_MINUTE` is not set.
pub const DEFAULT_API_REQUESTS_PER_MINUTE: u32 = 300;

/// The page cache's TTL when `PAGE_CACHE_TTL_SECS` is not set: as long as the CDN may keep
/// an anonymous page (`Cache-Control: public, max-age=60`).
pub const DEFAULT_PAGE_CACHE_TTL: Duration = Duration::from_secs(60);

/// Stripe's API, unless `STRIPE_API_BASE` says otherwise.
pub const DEFAULT_STRIPE_API_BASE: &str = "https://api.stripe.com";

/// A trimmed, non-empty environment variable.
fn text(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn flag(name: &str, default: bool) -> anyhow::Result<bool> {
    match std::env::var(name) {
        Err(_) => Ok(default),
        Ok(v) => match v.trim().to_ascii_lowercase().as_str() {
            "" => Ok(default),
            "1" | "true" | "yes" | "on" => Ok(true),
            "0" | "false" | "no" | "off" => Ok(false),
            other => bail!("{name} must be true or false, not {other:?}"),
        },
    }
}

fn number<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .parse()
            .with_context(|| format!("{name} must be a number, not {v:?}")),
        _ => Ok(default),
    }
}

impl Config {
    /// The embedded defaults, as with an empty environment, for `database_url`.
    pub fn embedded(database_url: &str) -> Self {
        Self {
            database_url: database_url.to_owned(),
            database_max_connections: 10,
            log_format: LogFormat::Text,
            demo: false,
            demo_password: None,
            migrate_on_start: true,
            shutdown_timeout: Duration::from_secs(20),
            request_timeout: crate::timeout::DEFAULT,
            page_cache_ttl: DEFAULT_PAGE_CACHE_TTL,
            api_requests_per_minute: DEFAULT_API_REQUESTS_PER_MINUTE,
            redis_url: None,
            redis_key_prefix: "lectern:".to_owned(),
            smtp_url: None,
            mail_from: "Lectern <no-reply@lectern.local>".to_owned(),
            outbox_dir: "data/outbox".to_owned(),
            public_url: "http://127.0.0.1:3000".to_owned(),
            cookie_secure: false,
            proxies: app::server::proxy::ProxyTrust::default(),
            media_dir: "data/media".to_owned(),
            s3_bucket: None,
            s3_region: "us-east-1".to_owned(),
            s3_endpoint: None,
            s3_force_path_style: false,
            metrics_token: None,
            otel: None,
            stripe_secret_key: None,
            stripe_webhook_secret: None,
            stripe_api_base: DEFAULT_STRIPE_API_BASE.to_owned(),
            badge_signing_key: None,
            badge_key_file: DEFAULT_BADGE_KEY_FILE.to_owned(),
        }
    }

    /// Reads the configuration from the process environment (after `.env`, if present).
    pub fn from_env() -> anyhow::Result<Self> {
        let database_url = std::env::var("DATABASE_URL")
            .ok()
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !(database_url.starts_with("sqlite:") || database_url.starts_with("postgres")) {
            bail!("DATABASE_URL must start with sqlite: or postgres://");
        }
        let log_format = match std::env::var("LOG_FORMAT").unwrap_or_default().as_str() {
            "" | "text" | "pretty" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => bail!("LOG_FORMAT must be text or json, not {other:?}"),
        };
        let public_url = text("PUBLIC_URL").unwrap_or_else(|| {
            format!(
                "http://{}",
                text("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into())
            )
        });
        let production = text("LEPTOS_ENV")
            .is_some_and(|env| matches!(env.to_ascii_lowercase().as_str(), "prod" | "production"));
        if production {
            check_production_url(&public_url)?;
        }
        let https = public_url.starts_with("https://");
        let s3_endpoint = text("S3_ENDPOINT");
        Ok(Self {
            media_dir: text("MEDIA_DIR").unwrap_or_else(|| "data/media".into()),
            s3_bucket: text("S3_BUCKET"),
            s3_region: text("S3_REGION").unwrap_or_else(|| "us-east-1".into()),
            // S3-compatible servers rarely have per-bucket DNS names; AWS prefers virtual hosts.
            s3_force_path_style: flag("S3_FORCE_PATH_STYLE", s3_endpoint.is_some())?,
            s3_endpoint,
            redis_url: text("REDIS_URL"),
            redis_key_prefix: text("REDIS_KEY_PREFIX").unwrap_or_else(|| "lectern:".into()),
            smtp_url: text("SMTP_URL"),
            mail_from: text("MAIL_FROM")
                .unwrap_or_else(|| "Lectern <no-reply@lectern.local>".into()),
            outbox_dir: text("OUTBOX_DIR").unwrap_or_else(|| "data/outbox".into()),
            cookie_secure: flag("COOKIE_SECURE", https)?,
            proxies: proxies()?,
            metrics_token: text("METRICS_TOKEN"),
            otel: crate::telemetry::otel::OtelConfig::from_lookup(text)?,
            public_url: public_url.trim_end_matches('/').to_owned(),
            database_url,
            database_max_connections: number("DATABASE_MAX_CONNECTIONS", 10)?,
            log_format,
            demo: flag("LECTERN_DEMO", false)?,
            demo_password: text("LECTERN_DEMO_PASSWORD"),
            migrate_on_start: flag("LECTERN_MIGRATE_ON_START", true)?,
            shutdown_timeout: Duration::from_secs(number("SHUTDOWN_TIMEOUT_SECS", 20)?),
            request_timeout: request_timeout()?,
            page_cache_ttl: page_cache_ttl()?,
            api_requests_per_minute: api_requests_per_minute()?,
            stripe_secret_key: text("STRIPE_SECRET_KEY"),
            stripe_webhook_secret: text("STRIPE_WEBHOOK_SECRET"),
            stripe_api_base: text("STRIPE_API_BASE")
                .unwrap_or_else(|| DEFAULT_STRIPE_API_BASE.to_owned()),
            badge_signing_key: text("BADGE_SIGNING_KEY"),
            badge_key_file: text("BADGE_SIGNING_KEY_FILE")
                .unwrap_or_else(|| DEFAULT_BADGE_KEY_FILE.to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{check_production_url, redact_url};

    #[test]
    fn production_needs_an_https_public_url() {
        for good in [
            "https://learn.example.org",
            "http://127.0.0.1:3107",
            "http://localhost:3000",
            "http://[::1]:3000",
        ] {
            assert!(check_production_url(good).is_ok(), "{good}");
        }
        for bad in [
            "http://0.0.0.0:3000",
            "http://learn.example.org",
            "http://localhost.evil.example",
            "http://127.0.0.1.nip.io",
        ] {
            let error = check_production_url(bad).expect_err(bad).to_string();
            assert!(error.contains("PUBLIC_URL"), "{error}");
        }
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact_url("postgres://lectern:s3cret@db:5432/lectern"),
            "postgres://***@db:5432/lectern"
        );
        assert_eq!(
            redact_url(super::DEFAULT_DATABASE_URL),
            super::DEFAULT_DATABASE_URL
        );
    }
}
