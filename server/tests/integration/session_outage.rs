//! Sessions in Redis while Redis is out of reach: requests that need the session answer a clean
//! `503` with `Retry-After` and the "briefly unavailable" error (never a bare 500), and the same
//! browser is signed in again once Redis is back, without restarting Lectern.

use std::sync::{
    atomic::{AtomicBool, Ordering},
    Arc, Mutex,
};

use app::{api::account::GetCurrentUser, error::AppError};
use leptos::server_fn::ServerFn;
use tokio::{net::TcpListener, task::JoinHandle};

use crate::common::{redis_url, sign_up, Backend, Sessions, TestApp};

/// A TCP forwarder to the test Redis on loopback that the test can cut and restore: Redis
/// going away (a restart, a network fault) as the server sees it, without touching the Redis
/// other tests use.
struct Cuttable {
    addr: std::net::SocketAddr,
    open: Arc<AtomicBool>,
    links: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl Cuttable {
    async fn to_redis() -> Self {
        let url = redis_url();
        let target = url
            .trim_start_matches("redis://")
            .split('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        assert!(
            target.starts_with("127.0.0.1:") || target.starts_with("localhost:"),
            "TEST_REDIS_URL must be on loopback, not {target}"
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let open = Arc::new(AtomicBool::new(true));
        let links: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let (accept_open, accept_links) = (open.clone(), links.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !accept_open.load(Ordering::SeqCst) {
                    continue; // dropped: the connection is refused as soon as it is made
                }
                let target = target.clone();
                let link = tokio::spawn(async move {
                    if let Ok(mut outbound) = tokio::net::TcpStream::connect(&target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                accept_links.lock().expect("links").push(link);
            }
        });
        Self { addr, open, links }
    }

    fn url(&self) -> String {
        format!("redis://{}", self.addr)
    }

    /// Redis goes away: open connections are dropped and new ones are closed at once.
    fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        for link in self.links.lock().expect("links").drain(..) {
            link.abort();
        }
    }

    fn restore(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

/// Asks who `client` is signed in as; returns the status, `Retry-After` and body.
async fn current_user(app: &TestApp) -> (u16, Option<String>, String) {
    let response = app
        .client
        .post(app.url(GetCurrentUser::PATH))
        .header("origin", app.url(""))
        .header("accept", "application/json")
        .send()
        .await
        .expect("request");
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, retry_after, response.text().await.expect("body"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_store_outage_answers_503_and_recovers_without_a_restart() {
    let redis = Cuttable::to_redis().await;
    let app = TestApp::start_with(Backend::Sqlite, Sessions::Redis, |config| {
        config.redis_url = Some(redis.url());
    })
    .await;
    sign_up(&app, "Ada", "ada@example.org").await;
    let (status, _, body) = current_user(&app).await;
    assert_eq!(status, 200, "signed in before the outage: {body}");
    assert!(body.contains("ada@example.org"), "{body}");

    redis.cut();
    let (status, retry_after, body) = current_user(&app).await;
    assert_eq!(status, 503, "the session cannot be read: {body}");
    assert_eq!(
        retry_after.as_deref(),
        Some("5"),
        "tells the client when to retry"
    );
    let error: AppError = serde_json::from_str(&body).expect("an AppError body");
    assert_eq!(error, AppError::Unavailable);
    assert!(
        error.to_string().contains("briefly unavailable"),
        "the message the page shows: {error}"
    );
    // A page that needs the session says so too, instead of failing with a 500.
    let (status, page) = app.get("/my-learning").await;
    assert_ne!(status, 500, "{page}");

    redis.restore();
    let mut last = (0, None, String::new());
    for _ in 0..100 {
        last = current_user(&app).await;
        if last.0 == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(last.0, 200, "Redis is back: {}", last.2);
    assert!(
        last.2.contains("ada@example.org"),
        "the same browser is still signed in: {}",
        last.2
    );
}
