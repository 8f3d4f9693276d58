//! Soak and fault bench: a mixed learner workload against a real `server` process on loopback.
//!
//! Each simulated learner signs up, enrolls in a free demo course and then, until the time is
//! up, browses (home, catalogue, course page, lesson page), records progress events (as the
//! player does, every couple of seconds) and reads its progress back. The bench reports
//! requests, errors and the server's resident memory (RSS) at the start and end.
//!
//! With `--faults` (Postgres and Redis required) it restarts Postgres a third of the way in and
//! Redis two thirds of the way in, watches `/readyz` during each outage, and at the end counts
//! the progress events the server stored against the ones it acknowledged: none may be lost.
//! Errors inside the outage windows must be clean 503s; outside them there must be none.
//!
//! Run it with `bench/soak.sh` (see bench/README.md); it never runs in CI.

#[path = "soak/support.rs"]
mod support;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::api::account::{SignIn, SignUp};
use app::api::learning::{Enroll, GetCourseProgress, RecordProgress};
use leptos::server_fn::ServerFn;
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{json, Value};

/// Every simulated learner's password.
const PASSWORD: &str = "soak test passphrase 2026";

/// Counters shared by every learner.
#[derive(Default)]
struct Tally {
    requests: AtomicU64,
    errors: AtomicU64,
    errors_in_faults: AtomicU64,
    unclean_in_faults: AtomicU64,
    acknowledged: Mutex<HashSet<String>>,
    first_errors: Mutex<Vec<String>>,
    fault_statuses: Mutex<Vec<String>>,
    /// Requests answered 401 because the session was lost (Redis restarted without
    /// persistence): the learner signs in again, as a person would be asked to.
    signed_out: AtomicU64,
}

/// What to run, from the command line.
pub struct Options {
    pub server: String,
    pub minutes: f64,
    pub learners: usize,
    pub database: Option<String>,
    pub redis: Option<String>,
    pub faults: bool,
    pub port: u16,
}

fn options() -> Options {
    let mut o = Options {
        // The server built with this bench: server-function URLs are hashed per build, so the
        // load generator must call a server built from the same compilation of the app.
        server: env!("CARGO_BIN_EXE_server").to_owned(),
        minutes: 30.0,
        learners: 8,
        database: None,
        redis: None,
        faults: false,
        port: 3190,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--minutes" => o.minutes = value().parse().unwrap_or(o.minutes),
            "--learners" => o.learners = value().parse().unwrap_or(o.learners),
            "--database" => o.database = Some(value()),
            "--redis" => o.redis = Some(value()),
            "--port" => o.port = value().parse().unwrap_or(o.port),
            "--faults" => o.faults = true,
            _ => {}
        }
    }
    o
}

/// One learner's loop until `deadline`.
#[allow(clippy::too_many_arguments)]
async fn learner(
    n: usize,
    base: String,
    slug: String,
    lessons: Vec<i64>,
    deadline: Instant,
    tally: Arc<Tally>,
    in_fault: Arc<AtomicBool>,
) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client");
    let email = format!("soak-{}-{n}@example.org", std::process::id());
    let form = |path: &str, args: Vec<(&str, String)>| {
        client
            .post(format!("{base}{path}"))
            .header("origin", &base)
            .header("accept", "application/json")
            .form(&args)
    };
    let lost_session = AtomicBool::new(false);
    let outcome = |result: Result<reqwest::Response, reqwest::Error>, what: &str| {
        tally.requests.fetch_add(1, Ordering::Relaxed);
        let status = result.as_ref().map(|r| r.status().as_u16()).ok();
        let ok = status.is_some_and(|s| s < 400);
        if status == Some(401) {
            tally.signed_out.fetch_add(1, Ordering::Relaxed);
            lost_session.store(true, Ordering::Relaxed);
        } else if !ok {
            if in_fault.load(Ordering::Relaxed) {
                tally.errors_in_faults.fetch_add(1, Ordering::Relaxed);
                if status != Some(503) {
                    tally.unclean_in_faults.fetch_add(1, Ordering::Relaxed);
                }
                let mut seen = tally.fault_statuses.lock().expect("lock");
                if seen.len() < 10 {
                    seen.push(format!("{what}: {status:?}"));
                }
            } else {
                tally.errors.fetch_add(1, Ordering::Relaxed);
                let mut first = tally.first_errors.lock().expect("lock");
                if first.len() < 10 {
                    first.push(format!("{what}: {status:?}"));
                }
            }
        }
        result.ok().filter(|_| ok)
    };
    let signed_up = form(
        SignUp::PATH,
        vec![
            ("display_name", format!("Soak {n}")),
            ("email", email.clone()),
            ("password", PASSWORD.into()),
        ],
    )
    .send()
    .await;
    if outcome(signed_up, "sign up").is_none() {
        return;
    }
    outcome(
        form(Enroll::PATH, vec![("slug", slug.clone())])
            .send()
            .await,
        "enroll",
    );
    let mut event = 0u64;
    while Instant::now() < deadline {
        if lost_session.swap(false, Ordering::Relaxed) {
            let again = form(
                SignIn::PATH,
                vec![("email", email.clone()), ("password", PASSWORD.into())],
            )
            .send()
            .await;
            outcome(again, "sign in again");
        }
        let lesson = lessons[(event as usize) % lessons.len()];
        for path in [
            "/".to_owned(),
            "/courses".to_owned(),
            format!("/courses/{slug}"),
        ] {
            let page = client.get(format!("{base}{path}")).send().await;
            if let Some(r) = outcome(page, "page") {
                let _ = r.bytes().await;
            }
        }
        let ids: Vec<String> = (0..3)
            .map(|i| format!("{:08x}-0000-4000-8000-{:012x}", n, event * 3 + i))
            .collect();
        let events: Vec<Value> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                json!({
                    "event_id": id, "lesson_id": lesson, "kind": "position",
                    "position_seconds": (event * 3 + i as u64) as f64, "duration_seconds": 600.0,
                    "client_at": chrono::Utc::now().to_rfc3339(),
                })
            })
            .collect();
        let recorded = client
            .post(format!("{base}{}", RecordProgress::PATH))
            .header("origin", &base)
            .json(&json!({ "events": events }))
            .send()
            .await;
        if let Some(r) = outcome(recorded, "record progress") {
            if let Ok(body) = r.json::<Value>().await {
                let mut acked = tally.acknowledged.lock().expect("lock");
                for (id, result) in ids
                    .iter()
                    .zip(body["results"].as_array().into_iter().flatten())
                {
                    if matches!(result["status"].as_str(), Some("applied" | "duplicate")) {
                        acked.insert(id.clone());
                    }
                }
            }
        }
        outcome(
            form(GetCourseProgress::PATH, vec![("slug", slug.clone())])
                .send()
                .await,
            "progress",
        );
        event += 1;
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}

#[tokio::main]
async fn main() {
    let o = options();
    assert!(
        !o.server.is_empty(),
        "pass --server PATH or set LECTERN_SERVER_BIN"
    );
    let dir = tempfile::tempdir().expect("work dir");
    let database = o
        .database
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}/soak.db?mode=rwc", dir.path().display()));
    let mut child = support::start_server(&o, dir.path(), &database);
    let base = format!("http://127.0.0.1:{}", o.port);
    let probe = reqwest::Client::new();
    let mut ready = false;
    for _ in 0..600 {
        if probe
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        ready,
        "the server did not become ready (see {}/server.log)",
        dir.path().display()
    );
    let db = Database::connect(&database)
        .await
        .expect("bench database connection");
    let backend = db.get_database_backend();
    let course = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT id, slug FROM courses WHERE status = 'published' AND price_cents = 0 ORDER BY id LIMIT 1",
        ))
        .await
        .expect("query")
        .expect("a free demo course");
    let course_id: i64 = course.try_get("", "id").expect("id");
    let slug: String = course.try_get("", "slug").expect("slug");
    let lessons: Vec<i64> = db
        .query_all_raw(Statement::from_string(
            backend,
            format!("SELECT id FROM lessons WHERE course_id = {course_id} ORDER BY position"),
        ))
        .await
        .expect("lessons")
        .iter()
        .filter_map(|r| r.try_get("", "id").ok())
        .collect();

    let pid = child.id();
    let rss_start = support::rss_kib(pid);
    let started = Instant::now();
    let length = Duration::from_secs_f64(o.minutes * 60.0);
    let deadline = started + length;
    let sampler = support::print_rss_every_minute(pid);
    let tally = Arc::new(Tally::default());
    let in_fault = Arc::new(AtomicBool::new(false));
    let learners: Vec<_> = (0..o.learners)
        .map(|n| {
            tokio::spawn(learner(
                n,
                base.clone(),
                slug.clone(),
                lessons.clone(),
                deadline,
                tally.clone(),
                in_fault.clone(),
            ))
        })
        .collect();
    // RSS after a minute of warm-up (caches filled), then at the end.
    tokio::time::sleep(length.min(Duration::from_secs(60))).await;
    let rss_warm = support::rss_kib(pid);
    let mut outages = Vec::new();
    if o.faults {
        tokio::time::sleep((length / 3).saturating_sub(started.elapsed())).await;
        outages.push(
            support::outage(
                "PostgreSQL",
                "v=$(ls /etc/postgresql | sort -V | tail -n 1); \
                 pg_ctlcluster --skip-systemctl-redirect $v main stop; sleep 3; \
                 pg_ctlcluster --skip-systemctl-redirect $v main start",
                &base,
                &in_fault,
            )
            .await,
        );
        tokio::time::sleep((length * 2 / 3).saturating_sub(started.elapsed())).await;
        outages.push(
            support::outage(
                "Redis",
                "redis-cli -h 127.0.0.1 -p 6379 shutdown nosave; sleep 3; \
                 redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no",
                &base,
                &in_fault,
            )
            .await,
        );
    }
    for l in learners {
        l.await.expect("learner");
    }
    sampler.abort();
    let rss_end = support::rss_kib(pid);
    let alive = child.try_wait().expect("wait").is_none();
    let acknowledged: Vec<String> = tally
        .acknowledged
        .lock()
        .expect("lock")
        .iter()
        .cloned()
        .collect();
    let mut lost = 0;
    for chunk in acknowledged.chunks(500) {
        let list = chunk
            .iter()
            .map(|id| format!("'{id}'"))
            .collect::<Vec<_>>()
            .join(",");
        let stored = db
            .query_one_raw(Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM progress_events WHERE event_id IN ({list})"),
            ))
            .await
            .expect("count")
            .and_then(|r| r.try_get::<i64>("", "n").ok())
            .unwrap_or(0);
        lost += chunk.len() as i64 - stored;
    }
    let _ = child.kill();
    println!(
        "minutes: {:.1}, learners: {}",
        started.elapsed().as_secs_f64() / 60.0,
        o.learners
    );
    println!("requests: {}", tally.requests.load(Ordering::Relaxed));
    println!(
        "errors outside outages: {}",
        tally.errors.load(Ordering::Relaxed)
    );
    for e in tally.first_errors.lock().expect("lock").iter() {
        println!("  {e}");
    }
    if o.faults {
        println!(
            "errors during outages: {} (not a clean 503: {})",
            tally.errors_in_faults.load(Ordering::Relaxed),
            tally.unclean_in_faults.load(Ordering::Relaxed)
        );
        for e in tally.fault_statuses.lock().expect("lock").iter() {
            println!("  {e}");
        }
        println!("outages reported by /readyz: {outages:?}");
    }
    println!(
        "answered 401 (session lost; the learner signed in again): {}",
        tally.signed_out.load(Ordering::Relaxed)
    );
    println!(
        "progress events acknowledged: {}, lost: {lost}",
        acknowledged.len()
    );
    println!(
        "server RSS KiB: start {rss_start}, after warm-up {rss_warm}, end {rss_end} (end / warm-up = {:.3})",
        rss_end as f64 / rss_warm.max(1) as f64
    );
    println!("server still running: {alive}");
}
