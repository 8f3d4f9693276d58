//! Live progress updates (`GET /events/progress`): a learner's open stream hears about their
//! progress changes, in-process on one instance and through Redis across two instances that
//! share a database; other learners' streams do not; streams end on graceful shutdown.

use std::time::Duration;

use crate::common::{person, Backend, Sessions, TestApp, GOOD_PASSWORD};
use app::api::learning::{Enroll, RecordProgress};
use app::models::{CourseProgress, Role};
use app::server::services::accounts;
use chrono::Utc;
use leptos::server_fn::ServerFn;
use serde_json::json;

/// How long a test waits for an event that should arrive.
const PATIENCE: Duration = Duration::from_secs(10);

/// An open `text/event-stream` response, read event by event.
struct EventStream {
    response: reqwest::Response,
    buffer: String,
}

impl EventStream {
    async fn open(app: &TestApp, client: &reqwest::Client) -> Self {
        let response = client
            .get(app.url("/events/progress"))
            .send()
            .await
            .expect("open stream");
        assert_eq!(response.status().as_u16(), 200);
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(header("content-type"), "text/event-stream");
        assert_eq!(header("cache-control"), "no-store");
        assert!(header("content-encoding").is_empty(), "never compressed");
        Self {
            response,
            buffer: String::new(),
        }
    }

    /// The next event's name and data; `Ok(None)` when the stream ended, `Err` on timeout.
    async fn next(&mut self, within: Duration) -> Result<Option<(String, String)>, ()> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let mut name = String::from("message");
                let mut data = Vec::new();
                for line in block.lines() {
                    if let Some(value) = line.strip_prefix("event:") {
                        name = value.trim().to_owned();
                    } else if let Some(value) = line.strip_prefix("data:") {
                        data.push(value.trim_start().to_owned());
                    }
                }
                // Keep-alive comments carry neither.
                if block.lines().any(|l| !l.starts_with(':')) {
                    return Ok(Some((name, data.join("\n"))));
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk())
                .await
                .map_err(|_| ())?;
            match chunk.expect("read stream") {
                Some(bytes) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                None => return Ok(None),
            }
        }
    }

    /// The next `progress` event's payload.
    async fn progress(&mut self) -> CourseProgress {
        match self.next(PATIENCE).await {
            Ok(Some((name, data))) if name == "progress" => {
                serde_json::from_str(&data).expect("progress JSON")
            }
            other => panic!("expected a progress event, got {other:?}"),
        }
    }
}

/// A published free course `live` with two lessons; returns the lessons' ids.
async fn course(app: &TestApp) -> Vec<i64> {
    let teacher = person(app, "teacher@example.org", Role::Instructor).await;
    crate::common::courses::course(app, teacher.id, "live", true, 0, 2, &[])
        .await
        .lessons
}

/// Signs `email` up and in on `app` with a fresh browser.
async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    person(app, email, Role::Learner).await.client
}

async fn enroll(app: &TestApp, client: &reqwest::Client) {
    let reply = app
        .call_with(
            client,
            Enroll::PATH,
            &[("slug", "live")],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 200, "enroll: {}", reply.body);
}

async fn complete(app: &TestApp, client: &reqwest::Client, lesson_id: i64, n: u32) {
    let response = client
        .post(app.url(RecordProgress::PATH))
        .header("origin", app.url(""))
        .json(&json!({"events": [{
            "event_id": format!("9b2e4c6d-0000-4000-8000-{n:012}"),
            "lesson_id": lesson_id,
            "kind": "completed",
            "client_at": Utc::now().to_rfc3339(),
        }]}))
        .send()
        .await
        .expect("record");
    assert_eq!(response.status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_learners_stream_gets_their_updates_in_process() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let lessons = course(&app).await;
    let anonymous = TestApp::new_client()
        .get(app.url("/events/progress"))
        .send()
        .await
        .expect("request");
    assert_eq!(anonymous.status().as_u16(), 401, "signed-in learners only");

    let lea = signed_in(&app, "lea@example.org").await;
    let sam = signed_in(&app, "sam@example.org").await;
    let mut leas = EventStream::open(&app, &lea).await;
    let mut sams = EventStream::open(&app, &sam).await;
    let mut leas_other_tab = EventStream::open(&app, &lea).await;

    enroll(&app, &lea).await;
    for stream in [&mut leas, &mut leas_other_tab] {
        let enrolled = stream.progress().await;
        assert!(enrolled.enrolled && enrolled.completed_lessons == 0);
    }
    complete(&app, &lea, lessons[0], 1).await;
    let update = leas.progress().await;
    assert_eq!((update.course_slug.as_str(), update.percent), ("live", 50));
    assert!(update.lessons[0].completed);
    // The replay changes nothing, so nothing is sent; the next real change is.
    complete(&app, &lea, lessons[0], 1).await;
    complete(&app, &lea, lessons[1], 2).await;
    let done = leas.progress().await;
    assert_eq!(done.percent, 100, "the replay sent nothing before this");
    assert!(done.completed_at.is_some());

    assert_eq!(
        sams.next(Duration::from_millis(500)).await,
        Err(()),
        "another learner's stream stays quiet"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn updates_reach_a_stream_on_another_instance_through_redis() {
    let a = TestApp::start(Backend::Postgres, Sessions::Redis).await;
    let b = TestApp::start_alongside(&a).await;
    let lessons = course(&a).await;
    // Signed in on A; the session lives in the shared Redis, so B knows the cookie too.
    let lea = signed_in(&a, "lea@example.org").await;
    let mut on_a = EventStream::open(&a, &lea).await;

    enroll(&b, &lea).await;
    let enrolled = on_a.progress().await;
    assert!(enrolled.enrolled, "enrolled through B, heard on A");
    complete(&b, &lea, lessons[1], 1).await;
    let update = on_a.progress().await;
    assert_eq!(update.completed_lessons, 1);
    assert!(update.lessons[1].completed);

    // And the other way round, with the stream on B.
    let mut on_b = EventStream::open(&b, &lea).await;
    complete(&a, &lea, lessons[0], 2).await;
    assert_eq!(on_b.progress().await.percent, 100);
    assert_eq!(on_a.progress().await.percent, 100, "every open stream");
    drop(b);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graceful_shutdown_ends_open_streams() {
    use lectern_server::{config::Config, db, shutdown, state};

    let database = db::connect("sqlite::memory:", 1).await.expect("db");
    db::migrate(&database).await.expect("migrate");
    let user = accounts::signup(&database, "Lea", "lea@example.org", GOOD_PASSWORD)
        .await
        .expect("signup");
    let token = accounts::api_tokens::create(&database, user.id, "stream")
        .await
        .expect("token")
        .secret;
    let media = tempfile::tempdir().expect("media dir");
    let mut config = Config::embedded("sqlite::memory:");
    config.media_dir = media.path().display().to_string();
    config.badge_signing_key = Some(crate::common::server::test_signing_key().to_owned());
    let options = leptos::config::LeptosOptions::builder()
        .output_name("lectern")
        .site_root("target/site")
        .build();
    let wiring = state::build(&config, options, database)
        .await
        .expect("wiring");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let timeout = Duration::from_secs(30);
    let server = tokio::spawn(shutdown::serve_app(
        listener,
        wiring,
        async move {
            let _ = stopped.await;
        },
        timeout,
    ));

    let response = reqwest::Client::new()
        .get(format!("{base}/events/progress"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("open stream");
    assert_eq!(response.status().as_u16(), 200);
    let mut stream = EventStream {
        response,
        buffer: String::new(),
    };
    assert_eq!(
        stream.next(Duration::from_millis(300)).await,
        Err(()),
        "open and quiet"
    );

    stop.send(()).expect("signal shutdown");
    assert_eq!(
        stream.next(Duration::from_secs(5)).await,
        Ok(None),
        "the stream ends at shutdown"
    );
    let result = tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server exits well before its 30 s drain timeout")
        .expect("join");
    assert!(result.is_ok(), "clean exit: {result:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_ends_the_learners_streams() {
    let app = TestApp::empty(Backend::Sqlite).await;
    course(&app).await;
    let lea = signed_in(&app, "lea@example.org").await;
    let lea_phone = TestApp::new_client();
    let reply = app
        .call_with(
            &lea_phone,
            app::api::account::SignIn::PATH,
            &[("email", "lea@example.org"), ("password", GOOD_PASSWORD)],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(reply.status, 200);
    let sam = signed_in(&app, "sam@example.org").await;
    let mut on_laptop = EventStream::open(&app, &lea).await;
    let mut on_phone = EventStream::open(&app, &lea_phone).await;
    let mut sams = EventStream::open(&app, &sam).await;

    let out = app
        .call_with(
            &lea,
            app::api::account::SignOut::PATH,
            &[],
            Some(&app.url("")),
        )
        .await;
    assert_eq!(out.status, 200, "{}", out.body);
    assert_eq!(
        on_laptop.next(PATIENCE).await,
        Ok(None),
        "the signed-out stream ends"
    );
    assert_eq!(
        on_phone.next(PATIENCE).await,
        Ok(None),
        "so do the learner's others"
    );
    assert_eq!(
        sams.next(Duration::from_millis(500)).await,
        Err(()),
        "others stay open"
    );
    // Browsers reconnect: the signed-out one is refused, the phone gets a new stream.
    let again = lea
        .get(app.url("/events/progress"))
        .send()
        .await
        .expect("reconnect");
    assert_eq!(again.status().as_u16(), 401);
    EventStream::open(&app, &lea_phone).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recording_progress_is_rate_limited() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let lessons = course(&app).await;
    let lea = signed_in(&app, "lea@example.org").await;
    enroll(&app, &lea).await;
    let batch = |n: u32| {
        json!({"events": [{
            "event_id": format!("7c3d5e7f-0000-4000-8000-{n:012}"),
            "lesson_id": lessons[0],
            "kind": "started",
            "client_at": Utc::now().to_rfc3339(),
        }]})
    };
    let mut statuses = Vec::new();
    for n in 0..=app::api::learning::PROGRESS_BATCHES_PER_MINUTE {
        let response = lea
            .post(app.url(RecordProgress::PATH))
            .header("origin", app.url(""))
            .json(&batch(n))
            .send()
            .await
            .expect("record");
        statuses.push(response.status().as_u16());
    }
    let (last, allowed) = statuses.split_last().expect("statuses");
    assert!(allowed.iter().all(|s| *s == 200), "{allowed:?}");
    assert_eq!(*last, 429, "one batch too many in a minute");
}
