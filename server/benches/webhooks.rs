//! Webhook throughput: signed `checkout.session.completed` events per second through
//! `POST /webhooks/stripe` (signature check, event record, fulfilment: purchase and enrollment
//! in one transaction), against a plain handler answering 200 to the same bodies on the same
//! server (added after Lectern's middleware, so it measures the HTTP round trip alone), in the
//! same run.
//!
//! The server runs in this process on loopback with the demo payment provider (its state lives
//! in the database, so no network call is made) and a SQLite file or Postgres. Each measured
//! event fulfils a different paid checkout, so every one does the whole work.
//!
//!   bench/webhook-bench.sh [--release] [--events N] [--concurrency C] [--database URL]
//!
//! Not part of CI.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::server::entities::{checkout, course, purchase, user};
use app::server::payments::signature;
use axum::routing::post;
use chrono::Utc;
use lectern_server::{config::Config, db, router, state};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use tokio::sync::Semaphore;

const SECRET: &str = "whsec_bench_secret";

struct Options {
    events: usize,
    concurrency: usize,
    database: Option<String>,
}

fn options() -> Options {
    let mut o = Options {
        events: 2_000,
        concurrency: 16,
        database: None,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--events" => o.events = value.parse().expect("--events N"),
            "--concurrency" => o.concurrency = value.parse().expect("--concurrency C"),
            "--database" => o.database = Some(value),
            "--bench" => {
                i += 1;
                continue;
            }
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    o
}

/// Requests per second and latency percentiles of one phase.
struct Figures {
    rps: f64,
    p50: Duration,
    p99: Duration,
    failures: usize,
}

async fn fire(url: String, bodies: Vec<Vec<u8>>, concurrency: usize) -> Figures {
    let client = reqwest::Client::new();
    let gate = Arc::new(Semaphore::new(concurrency));
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(bodies.len());
    for body in bodies {
        let permit = gate.clone().acquire_owned().await.expect("semaphore");
        let client = client.clone();
        let url = url.clone();
        tasks.push(tokio::spawn(async move {
            let header = signature::sign(&body, SECRET, Utc::now().timestamp());
            let at = Instant::now();
            let status = client
                .post(&url)
                .header("content-type", "application/json")
                .header("stripe-signature", header)
                .body(body)
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0);
            drop(permit);
            (at.elapsed(), status)
        }));
    }
    let mut latencies = Vec::with_capacity(tasks.len());
    let mut failures = 0;
    for task in tasks {
        let (latency, status) = task.await.expect("task");
        if status != 200 {
            failures += 1;
        }
        latencies.push(latency);
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    Figures {
        rps: latencies.len() as f64 / elapsed.as_secs_f64(),
        p50: at(0.50),
        p99: at(0.99),
        failures,
    }
}

fn event(n: usize, session: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "id": format!("evt_bench_{n}"),
        "object": "event",
        "type": "checkout.session.completed",
        "data": {"object": {"id": session, "object": "checkout.session"}},
    }))
    .expect("json")
}

#[tokio::main]
async fn main() {
    let o = options();
    let dir = tempfile::tempdir().expect("temp dir");
    let url = o
        .database
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}/bench.db?mode=rwc", dir.path().display()));
    assert!(
        url.starts_with("sqlite:") || url.contains("@127.0.0.1") || url.contains("@localhost"),
        "loopback databases only"
    );
    let db = db::connect(&url, 10).await.expect("database");
    db::migrate(&db).await.expect("migrate");

    // A paid course, one buyer, and one paid demo checkout per measured event.
    let now = Utc::now();
    let teacher = app::server::services::accounts::signup(
        &db,
        "Bench Teacher",
        "teacher@bench.test",
        "bench teacher passphrase 1",
    )
    .await
    .expect("teacher");
    let buyer: user::Model = app::server::services::accounts::signup(
        &db,
        "Bench Buyer",
        "buyer@bench.test",
        "bench buyer passphrase 1",
    )
    .await
    .expect("buyer");
    let mut sessions = Vec::with_capacity(o.events);
    for n in 0..o.events {
        let course = course::ActiveModel {
            slug: Set(format!("bench-{n}")),
            title: Set(format!("Bench course {n}")),
            subtitle: Set(String::new()),
            description: Set(String::new()),
            category: Set("programming".into()),
            level: Set("beginner".into()),
            language: Set("en".into()),
            price_cents: Set(1_000),
            currency: Set("USD".into()),
            status: Set(course::STATUS_PUBLISHED.into()),
            featured: Set(false),
            instructor_id: Set(teacher.id),
            outcomes: Set(String::new()),
            requirements: Set(String::new()),
            revision: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&db)
        .await
        .expect("course");
        let session = format!("cs_demo_bench_{n}");
        checkout::ActiveModel {
            provider_session_id: Set(session.clone()),
            user_id: Set(buyer.id),
            course_id: Set(course.id),
            amount_cents: Set(1_000),
            currency: Set("usd".into()),
            coupon_code: Set(None),
            created_at: Set(now),
            demo_payment_intent: Set(Some(format!("pi_demo_bench_{n}"))),
            demo_paid_at: Set(Some(now)),
            demo_refunded_at: Set(None),
            ..Default::default()
        }
        .insert(&db)
        .await
        .expect("checkout");
        sessions.push(session);
    }

    let mut config = Config::embedded(&url);
    config.demo = true;
    config.stripe_webhook_secret = Some(SECRET.into());
    config.page_cache_ttl = Duration::ZERO;
    let leptos_options = leptos::config::LeptosOptions::builder()
        .output_name("lectern")
        .site_root("target/site")
        .build();
    let wiring = state::build(&config, leptos_options, db.clone())
        .await
        .expect("state");
    // The baseline: a handler answering 200 to any body, outside Lectern's middleware.
    let app = router::build(wiring).route("/bench/plain", post(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });

    let base = format!("http://{addr}");
    let bodies: Vec<Vec<u8>> = sessions
        .iter()
        .enumerate()
        .map(|(n, s)| event(n, s))
        .collect();
    // Warm both paths (connections, statement caches) with a few requests each.
    fire(
        format!("{base}/bench/plain"),
        bodies[..20.min(bodies.len())].to_vec(),
        4,
    )
    .await;
    let baseline = fire(format!("{base}/bench/plain"), bodies.clone(), o.concurrency).await;
    let webhook = fire(format!("{base}/webhooks/stripe"), bodies, o.concurrency).await;
    let fulfilled = purchase::Entity::find().count(&db).await.expect("count");

    println!(
        "webhook bench: {} events, concurrency {}, database {}",
        o.events,
        o.concurrency,
        if url.starts_with("sqlite") {
            "SQLite"
        } else {
            "Postgres"
        }
    );
    println!("| target | req/s | × baseline | p50 ms | p99 ms | failures |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, f) in [
        ("plain 200 handler (baseline)", &baseline),
        ("signed event, verified and fulfilled", &webhook),
    ] {
        println!(
            "| {name} | {:.0} | {:.4} | {:.2} | {:.2} | {} |",
            f.rps,
            f.rps / baseline.rps,
            f.p50.as_secs_f64() * 1e3,
            f.p99.as_secs_f64() * 1e3,
            f.failures
        );
    }
    println!("purchases created: {fulfilled} of {} events", o.events);
    assert_eq!(
        fulfilled as usize, o.events,
        "every event fulfilled exactly once"
    );
}
