//! Test harness: the real router on an ephemeral port against a fresh database, on SQLite
//! (in memory) or on Postgres (a database per test, created here and dropped on drop).

#![allow(
    dead_code,
    reason = "each test binary uses a different part of the harness"
)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU32, Ordering};

use app::server::state::AppState;
use lectern_server::{db, router, seed};
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

/// A running Lectern server for one test.
pub struct TestApp {
    pub addr: SocketAddr,
    pub db: DatabaseConnection,
    pub client: reqwest::Client,
    _pg: Option<PgDatabase>,
}

impl TestApp {
    /// Starts the server on a fresh, migrated database loaded with the demo catalogue.
    pub async fn with_demo(backend: Backend) -> Self {
        let app = Self::empty(backend).await;
        seed::load_demo(&app.db).await.expect("seed demo catalogue");
        app
    }

    /// Starts the server on a fresh, migrated, empty database.
    pub async fn empty(backend: Backend) -> Self {
        let (url, pg, pool) = match backend {
            // One connection: each connection to `:memory:` would be a separate database.
            Backend::Sqlite => ("sqlite::memory:".to_owned(), None, 1),
            Backend::Postgres => {
                let pg = PgDatabase::create().await;
                (pg.url.clone(), Some(pg), 5)
            }
        };
        let db = db::connect(&url, pool)
            .await
            .expect("connect test database");
        db::migrate(&db).await.expect("migrate test database");
        let leptos_options = leptos::config::LeptosOptions::builder()
            .output_name("lectern")
            .site_root("target/site")
            .build();
        let state = AppState {
            leptos_options,
            db: db.clone(),
        };
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("local addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, router::build(state)).await;
        });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("http client");
        Self {
            addr,
            db,
            client,
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
