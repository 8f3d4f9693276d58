//! Test harness: the real router on an ephemeral port against a fresh database, on SQLite
//! (in memory) or on Postgres (a database per test, created here and dropped on drop).

#![allow(
    dead_code,
    reason = "each test binary uses a different part of the harness"
)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, Ordering};

use lectern_server::{config::Config, db, router, seed, state};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

/// Which database a test runs against.
#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The Postgres server used for tests: `TEST_DATABASE_URL`, loopback by default. Tests fail
/// (they do not skip) when it cannot be reached.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let cut = base.rfind('/').map_or(base.len(), |i| i);
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let root = if cut >= scheme_end {
        &base[..cut]
    } else {
        base
    };
    match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    }
}

/// A throwaway Postgres database, dropped (with its connections) when this is dropped.
pub struct PgDatabase {
    pub name: String,
    pub url: String,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

impl PgDatabase {
    pub async fn create() -> Self {
        let admin = postgres_admin_url();
        let name = format!(
            "lectern_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            chrono::Utc::now().timestamp_subsec_nanos()
        );
        let conn = Database::connect(&admin)
            .await
            .unwrap_or_else(|e| panic!("Postgres for tests at {admin} is not reachable: {e}"));
        conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create test database");
        conn.close().await.ok();
        let url = with_database(&admin, &name);
        Self { name, url }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin = postgres_admin_url();
        let name = self.name.clone();
        // Drop runs outside async; use a private runtime on a plain thread.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                if let Ok(conn) = Database::connect(&admin).await {
                    let _ = conn
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .await;
                    let _ = conn.close().await;
                }
            });
        })
        .join();
    }
}

/// Where sessions and rate-limit counters live in a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sessions {
    /// In-process (the embedded default).
    Memory,
    /// The real Redis on loopback (`TEST_REDIS_URL`, default 127.0.0.1:6379).
    Redis,
}

/// The Redis server used by tests; tests fail (they do not skip) when it is unreachable.
pub fn redis_url() -> String {
    std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned())
}

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
        let bucket = format!(
            "lectern-app-{}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
            chrono::Utc::now().timestamp_subsec_nanos()
        );
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
        let prefix = (sessions == Sessions::Redis).then(|| {
            format!(
                "lectern-test:{}:{}:{}:",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed),
                chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
            )
        });
        Self::launch(url, pg, pool, prefix, configure, storage).await
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

/// Runs an async test body once on SQLite and once on Postgres.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident => $body:ident;)+) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$body($crate::common::Backend::Sqlite).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$body($crate::common::Backend::Postgres).await;
                }
            }
        )+
    };
}

#[test]
fn database_name_is_swapped_in_urls() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
        "postgres://postgres@127.0.0.1:5432/t1"
    );
    assert_eq!(
        with_database("postgres://u:p@h/db?sslmode=disable", "t2"),
        "postgres://u:p@h/t2?sslmode=disable"
    );
}

/// The answer of a server function called over HTTP.
#[derive(Debug)]
pub struct FnReply {
    pub status: u16,
    pub body: String,
}

impl FnReply {
    /// The `AppError` in the body, if the call failed with one.
    pub fn error(&self) -> Option<app::error::AppError> {
        (self.status >= 400)
            .then(|| serde_json::from_str(&self.body).ok())
            .flatten()
    }
}

impl TestApp {
    /// Calls server function `F` as the browser does (form-encoded POST, same-origin).
    pub async fn call<F: leptos::server_fn::ServerFn>(&self, args: &[(&str, &str)]) -> FnReply {
        self.call_with(
            &self.client,
            F::PATH,
            args,
            Some(&format!("http://{}", self.addr)),
        )
        .await
    }

    /// Calls the server function at `path` with `client` and an optional `Origin` header.
    pub async fn call_with(
        &self,
        client: &reqwest::Client,
        path: &str,
        args: &[(&str, &str)],
        origin: Option<&str>,
    ) -> FnReply {
        let mut request = client
            .post(self.url(path))
            .header("accept", "application/json")
            .form(args);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let response = request.send().await.expect("server fn request");
        let status = response.status().as_u16();
        FnReply {
            status,
            body: response.text().await.expect("body"),
        }
    }

    /// Calls a JSON-encoded server function `F` (same-origin) with `body`.
    pub async fn call_json<F: leptos::server_fn::ServerFn>(
        &self,
        body: serde_json::Value,
    ) -> FnReply {
        let response = self
            .client
            .post(self.url(F::PATH))
            .header("origin", format!("http://{}", self.addr))
            .header("accept", "application/json")
            .json(&body)
            .send()
            .await
            .expect("server fn request");
        let status = response.status().as_u16();
        let retry_after = response.headers().get("retry-after").cloned();
        let mut reply = FnReply {
            status,
            body: response.text().await.expect("body"),
        };
        if let Some(value) = retry_after {
            reply
                .body
                .push_str(&format!("\nRetry-After: {}", value.to_str().unwrap_or("")));
        }
        reply
    }

    /// A fresh client (own cookie jar) for a second browser.
    pub fn new_client() -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .expect("http client")
    }
}

/// A password that passes the strength policy.
pub const GOOD_PASSWORD: &str = "correct horse battery staple 42";

/// Signs up through the server function and asserts it succeeded.
pub async fn sign_up(app: &TestApp, name: &str, email: &str) {
    let reply = app
        .call::<app::api::account::SignUp>(&[
            ("display_name", name),
            ("email", email),
            ("password", GOOD_PASSWORD),
        ])
        .await;
    assert_eq!(reply.status, 200, "sign-up: {}", reply.body);
}

/// The email of the user `client` is signed in as, if any.
pub async fn whoami(app: &TestApp, client: &reqwest::Client) -> Option<String> {
    let reply = app
        .call_with(
            client,
            <app::api::account::GetCurrentUser as leptos::server_fn::ServerFn>::PATH,
            &[],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let user: Option<serde_json::Value> = serde_json::from_str(&reply.body).expect("json");
    user.map(|u| u["email"].as_str().unwrap_or_default().to_owned())
}
