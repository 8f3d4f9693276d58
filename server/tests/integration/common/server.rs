//! The real router on an ephemeral port against a fresh database, on SQLite (in memory) or on
//! Postgres (a database per test), with in-process or Redis sessions and local or S3 media.

use std::net::SocketAddr;

use lectern_server::{config::Config, db, router, seed, state};
use sea_orm::DatabaseConnection;

use super::pg::PgDatabase;
use super::{redis_url, Backend, Sessions};

/// A running Lectern server for one test.
pub struct TestApp {
    pub addr: SocketAddr,
    pub db: DatabaseConnection,
    pub client: reqwest::Client,
    /// Where this server writes email (no SMTP in tests).
    pub outbox: std::path::PathBuf,
    _outbox_dir: tempfile::TempDir,
    /// Where this server keeps uploaded media (the local backend, in a temporary folder).
    pub media: std::path::PathBuf,
    _media_dir: tempfile::TempDir,
    /// The database this server uses.
    pub database_url: String,
    /// Its Redis key prefix, when it uses Redis.
    pub redis_key_prefix: Option<String>,
    _pg: Option<PgDatabase>,
}

impl TestApp {
    /// Starts the server on a fresh, migrated database loaded with the demo catalogue.
    pub async fn with_demo(backend: Backend) -> Self {
        let app = Self::empty(backend).await;
        seed::load_demo(&app.db).await.expect("seed demo catalogue");
        app
    }

    /// Starts the server on a fresh, migrated, empty database with in-process sessions.
    pub async fn empty(backend: Backend) -> Self {
        Self::start(backend, Sessions::Memory).await
    }

    /// Starts the server on a fresh, migrated, empty database with the given session store.
    pub async fn start(backend: Backend, sessions: Sessions) -> Self {
        Self::start_with(backend, sessions, |_| {}).await
    }

    /// Like [`TestApp::start`], with `configure` adjusting the configuration last.
    pub async fn start_with(
        backend: Backend,
        sessions: Sessions,
        configure: impl FnOnce(&mut Config),
    ) -> Self {
        Self::start_full(backend, sessions, configure, None).await
    }

    /// A server whose media goes to a fresh bucket on the S3-compatible test server
    /// (`TEST_S3_ENDPOINT`); `None` (skipped, with a message) when none is configured, unless
    /// `LECTERN_REQUIRE_S3=1` (as in scripts/test.sh), where a missing server fails the test.
    pub async fn with_s3(backend: Backend) -> Option<Self> {
        let endpoint = std::env::var("TEST_S3_ENDPOINT")
            .ok()
            .filter(|v| !v.trim().is_empty());
        let Some(endpoint) = endpoint else {
            assert!(
                std::env::var("LECTERN_REQUIRE_S3").as_deref() != Ok("1"),
                "LECTERN_REQUIRE_S3=1 but TEST_S3_ENDPOINT is not set"
            );
            eprintln!("SKIPPED: S3 variant (set TEST_S3_ENDPOINT; scripts/test.sh starts moto)");
            return None;
        };
        let host = endpoint.trim_start_matches("http://");
        assert!(
            host.starts_with("127.0.0.1:") || host.starts_with("localhost:"),
            "TEST_S3_ENDPOINT must be on loopback, not {endpoint}"
        );
        let bucket = format!("lectern-app-{}", super::unique("-"));
        let storage = app::server::storage::Storage::s3(app::server::storage::S3Config {
            bucket,
            region: "us-east-1".into(),
            endpoint: Some(endpoint),
            force_path_style: true,
            // Fake, explicit credentials: tests never read the process's AWS_* variables.
            access_key_id: Some("test".into()),
            secret_access_key: Some("test".into()),
        })
        .await
        .expect("S3 client");
        storage
            .ensure_ready()
            .await
            .expect("create the test bucket (is moto running?)");
        Some(Self::start_full(backend, Sessions::Memory, |_| {}, Some(storage)).await)
    }

    async fn start_full(
        backend: Backend,
        sessions: Sessions,
        configure: impl FnOnce(&mut Config),
        storage: Option<app::server::storage::Storage>,
    ) -> Self {
        let (url, pg, pool) = match backend {
            // One connection: each connection to `:memory:` would be a separate database.
            Backend::Sqlite => ("sqlite::memory:".to_owned(), None, 1),
            Backend::Postgres => {
                let pg = PgDatabase::create().await;
                (pg.url.clone(), Some(pg), 5)
            }
        };
        // Counters of other tests (and earlier runs) must not count against this one.
        let prefix =
            (sessions == Sessions::Redis).then(|| format!("lectern-test:{}:", super::unique(":")));
        Self::launch(url, pg, pool, prefix, configure, storage).await
    }

    /// Starts the server on the database at `url` (a SQLite file, say), migrated, with
    /// in-process sessions and local media.
    pub async fn on_database(url: &str) -> Self {
        Self::launch(url.to_owned(), None, 5, None, |_| {}, None).await
    }

    /// A second instance of `first`'s deployment: its Postgres database and its Redis key
    /// space (sessions, rate limits, live updates), as behind one load balancer. `first` must
    /// run on Postgres with Redis sessions, and outlive this one (it owns the database).
    pub async fn start_alongside(first: &TestApp) -> Self {
        assert!(
            first.database_url.starts_with("postgres"),
            "instances can share only a Postgres database"
        );
        let prefix = first
            .redis_key_prefix
            .clone()
            .expect("the first instance must use Redis");
        Self::launch(
            first.database_url.clone(),
            None,
            5,
            Some(prefix),
            |_| {},
            None,
        )
        .await
    }

    async fn launch(
        url: String,
        pg: Option<PgDatabase>,
        pool: u32,
        redis_key_prefix: Option<String>,
        configure: impl FnOnce(&mut Config),
        storage: Option<app::server::storage::Storage>,
    ) -> Self {
        let db = db::connect(&url, pool)
            .await
            .expect("connect test database");
        db::migrate(&db).await.expect("migrate test database");
        let leptos_options = leptos::config::LeptosOptions::builder()
            .output_name("lectern")
            .site_root("target/site")
            .build();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let outbox_dir = tempfile::tempdir().expect("outbox dir");
        let mut config = Config::embedded(&url);
        config.public_url = format!("http://{addr}");
        config.outbox_dir = outbox_dir.path().display().to_string();
        let media_dir = tempfile::tempdir().expect("media dir");
        config.media_dir = media_dir.path().display().to_string();
        config.badge_signing_key = Some(test_signing_key().to_owned());
        if let Some(prefix) = &redis_key_prefix {
            config.redis_url = Some(redis_url());
            config.redis_key_prefix = prefix.clone();
        }
        configure(&mut config);
        let mut wiring = state::build(&config, leptos_options, db.clone())
            .await
            .expect("wire state (is Redis running on loopback?)");
        if let Some(storage) = storage {
            wiring.state.storage = storage;
        }
        // As `serve_app` does: queued mail is sent in the background.
        lectern_server::worker::spawn(&wiring.state);
        let service = router::build(wiring).into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, service).await;
        });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("http client");
        Self {
            addr,
            db,
            client,
            outbox: outbox_dir.path().to_path_buf(),
            _outbox_dir: outbox_dir,
            media: media_dir.path().to_path_buf(),
            _media_dir: media_dir,
            database_url: url,
            redis_key_prefix,
            _pg: pg,
        }
    }

    /// The mail in this server's outbox once the job queue is empty (the worker sends queued
    /// mail within a second), waiting at most ten seconds.
    pub async fn delivered_mail(&self) -> Vec<std::path::PathBuf> {
        use sea_orm::{EntityTrait, PaginatorTrait};
        for _ in 0..100 {
            let waiting = app::server::entities::job::Entity::find()
                .count(&self.db)
                .await
                .expect("count jobs");
            if waiting == 0 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        std::fs::read_dir(&self.outbox)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    }

    /// The absolute URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// GETs `path`, returning the status and body text.
    pub async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

/// One credential signing key for every test server of this process (generating one per
/// server would cost more than the tests themselves).
pub fn test_signing_key() -> &'static str {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        app::server::credentials::SigningKey::generate()
            .expect("generate a test signing key")
            .1
    })
}
