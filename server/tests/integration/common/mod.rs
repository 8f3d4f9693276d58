//! Test harness: the real router on an ephemeral port against a fresh database, on SQLite
//! (in memory) or on Postgres (a database per test, created here and dropped on drop), and the
//! helpers tests share: people signed in with their own cookie jars, server-function calls,
//! courses built in the database, and quiz fixtures.

#![allow(
    dead_code,
    unused_imports,
    reason = "each test binary uses a different part of the harness"
)]

pub mod authoring;
mod calls;
pub mod courses;
pub mod fake_stripe;
pub mod learning;
mod people;
mod pg;
pub mod quiz;
pub mod rest;
pub mod server;

use std::sync::atomic::{AtomicU32, Ordering};

pub use calls::{call, sign_up, whoami, FnReply, Reply};
pub use people::{err, form, json_call, ok, person, user_with_role, Person, Raw};
pub use pg::{postgres_admin_url, PgDatabase};
pub use server::TestApp;

/// Which database a test runs against.
#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
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

/// A password that passes the strength policy.
pub const GOOD_PASSWORD: &str = "correct horse battery staple 42";

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A name part no other test (in this run or an earlier one) uses: process, counter and time,
/// joined by `sep`.
pub fn unique(sep: &str) -> String {
    format!(
        "{}{sep}{}{sep}{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        chrono::Utc::now().timestamp_subsec_nanos()
    )
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
