//! No request runs for ever: pages keep rendering while other servers start in the same process
//! (the cause of an intermittent hang of this suite), and a request stuck behind a busy
//! database is answered 503 at the request deadline instead of waiting.

use std::sync::{
    atomic::{AtomicBool, Ordering},
    Arc,
};
use std::time::Duration;

use crate::common::{Backend, TestApp};
use app::api::catalogue::GetCourse;
use lectern_server::{config::Config, router, state};
use sea_orm::TransactionTrait;

/// A demo course whose page loads its details through a resource.
const SLUG: &str = "async-rust-in-practice";

/// Starting a server renders the app once to list its routes, with resource loading suppressed
/// process-wide while it does. Servers started while another one renders a page must not leave
/// that page waiting for ever.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_render_while_other_servers_start() {
    let app = TestApp::with_demo(Backend::Sqlite).await;
    let done = Arc::new(AtomicBool::new(false));
    let starting = {
        let done = done.clone();
        let db = app.db.clone();
        tokio::spawn(async move {
            let mut built = 0;
            while !done.load(Ordering::Relaxed) && built < 2_000 {
                let options = leptos::config::LeptosOptions::builder()
                    .output_name("lectern")
                    .site_root("target/site")
                    .build();
                let mut config = Config::embedded("sqlite::memory:");
                config.badge_signing_key =
                    Some(crate::common::server::test_signing_key().to_owned());
                let wiring = state::build(&config, options, db.clone())
                    .await
                    .expect("wire state");
                drop(router::build(wiring));
                built += 1;
                tokio::task::yield_now().await;
            }
            built
        })
    };
    let pages = (0..4).map(|_| {
        let client = app.client.clone();
        let url = app.url(&format!("/courses/{SLUG}"));
        tokio::spawn(async move {
            for _ in 0..25 {
                let fetched = tokio::time::timeout(Duration::from_secs(20), async {
                    let response = client.get(&url).send().await.expect("request");
                    let status = response.status().as_u16();
                    (status, response.text().await.expect("whole body"))
                })
                .await;
                let (status, body) = fetched.expect("the page never finished rendering");
                assert_eq!(status, 200);
                assert!(
                    body.contains("Async Rust"),
                    "course page rendered: {body:.200}"
                );
            }
        })
    });
    for page in futures_util::future::join_all(pages).await {
        page.expect("page fetcher");
    }
    done.store(true, Ordering::Relaxed);
    let built = starting.await.expect("server builder");
    assert!(built > 0, "servers were started while pages rendered");
}

/// A request still waiting when the deadline passes is answered 503 (not left hanging, and not
/// a 500), and the server answers again once the database is free.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_stuck_behind_the_database_gets_503_at_the_deadline() {
    let app = TestApp::start_with(Backend::Sqlite, crate::common::Sessions::Memory, |config| {
        config.request_timeout = Duration::from_secs(1)
    })
    .await;
    lectern_server::seed::load_demo(&app.db)
        .await
        .expect("seed demo catalogue");
    // The in-memory database has one connection: holding it stalls every request that needs it.
    let held = app.db.begin().await.expect("hold the only connection");
    let started = std::time::Instant::now();
    let reply = app.call::<GetCourse>(&[("slug", SLUG)]).await;
    let waited = started.elapsed();
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert!(reply.body.contains("took too long"), "{}", reply.body);
    assert!(
        waited < Duration::from_secs(4),
        "answered at the 1 s deadline, not after the pool's own wait ({waited:?})"
    );
    held.rollback().await.expect("release the connection");
    let reply = app.call::<GetCourse>(&[("slug", SLUG)]).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
}
