//! `/metrics`: request counters and latency histograms by route template (never raw paths),
//! pool gauges, build information, and who may scrape — on SQLite and on Postgres.

use crate::common::{Backend, Sessions, TestApp};
use app::api::account::GetCurrentUser;
use leptos::server_fn::ServerFn;

/// The demo course used for the requests below.
const SLUG: &str = "async-rust-in-practice";

/// The value of the sample `name{labels…}`, whatever the order of its labels.
fn sample(body: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    body.lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let (series, value) = line.rsplit_once(' ')?;
            let (metric, rest) = series.split_once('{').unwrap_or((series, "}"));
            if metric != name {
                return None;
            }
            let inner = rest.strip_suffix('}')?;
            let pairs: Vec<(&str, &str)> = inner
                .split("\",")
                .filter(|p| !p.is_empty())
                .filter_map(|p| p.trim_end_matches('"').split_once("=\""))
                .collect();
            let matches =
                labels.iter().all(|wanted| pairs.contains(wanted)) && pairs.len() >= labels.len();
            matches.then(|| value.parse().ok()).flatten()
        })
}

async fn scrape(app: &TestApp) -> String {
    let response = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("scrape");
    assert_eq!(response.status().as_u16(), 200, "loopback scrape allowed");
    assert_eq!(
        response
            .headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    response.text().await.expect("metrics body")
}

async fn requests_are_counted_by_route_template(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    for _ in 0..2 {
        assert_eq!(app.get(&format!("/courses/{SLUG}")).await.0, 200);
    }
    assert_eq!(app.get("/courses/no-such-course-xyz").await.0, 404);
    assert_eq!(app.get("/definitely/not/here").await.0, 404);
    assert_eq!(app.get("/pkg/lectern.0123abcd.wasm").await.0, 404);
    let reply = app.call::<GetCurrentUser>(&[]).await;
    assert_eq!(reply.status, 200, "{}", reply.body);

    let body = scrape(&app).await;
    let course = [
        ("method", "GET"),
        ("route", "/courses/{slug}"),
        ("status", "200"),
    ];
    assert_eq!(
        sample(&body, "http_requests_total", &course),
        Some(2.0),
        "{body}"
    );
    assert_eq!(
        sample(&body, "http_request_duration_seconds_count", &course),
        Some(2.0)
    );
    let mut inf = course.to_vec();
    inf.push(("le", "+Inf"));
    assert_eq!(
        sample(&body, "http_request_duration_seconds_bucket", &inf),
        Some(2.0)
    );
    assert!(sample(&body, "http_request_duration_seconds_sum", &course).is_some_and(|s| s > 0.0));
    let missing_course = [
        ("method", "GET"),
        ("route", "/courses/{slug}"),
        ("status", "404"),
    ];
    assert_eq!(
        sample(&body, "http_requests_total", &missing_course),
        Some(1.0)
    );
    let unmatched = [("method", "GET"), ("route", "unmatched"), ("status", "404")];
    assert_eq!(sample(&body, "http_requests_total", &unmatched), Some(1.0));
    let assets = [("method", "GET"), ("route", "/pkg/*"), ("status", "404")];
    assert_eq!(sample(&body, "http_requests_total", &assets), Some(1.0));
    let server_fn = [
        ("method", "POST"),
        ("route", GetCurrentUser::PATH),
        ("status", "200"),
    ];
    assert_eq!(
        sample(&body, "http_requests_total", &server_fn),
        Some(1.0),
        "server functions are labelled with their path; {body}"
    );
    for raw in [
        SLUG,
        "no-such-course-xyz",
        "/definitely/not/here",
        "0123abcd",
    ] {
        assert!(!body.contains(raw), "raw path {raw:?} leaked into labels");
    }

    // Counters move: the first scrape itself is counted by the second.
    let again = scrape(&app).await;
    let metrics_route = [("method", "GET"), ("route", "/metrics"), ("status", "200")];
    assert_eq!(sample(&body, "http_requests_total", &metrics_route), None);
    assert_eq!(
        sample(&again, "http_requests_total", &metrics_route),
        Some(1.0)
    );
}

async fn pool_and_build_info_are_exposed(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let body = scrape(&app).await;
    let max = match backend {
        Backend::Sqlite => 1.0,
        Backend::Postgres => 5.0,
    };
    assert_eq!(
        sample(&body, "db_pool_connections_max", &[]),
        Some(max),
        "{body}"
    );
    let idle = sample(&body, "db_pool_connections_idle", &[]).expect("idle gauge");
    let in_use = sample(&body, "db_pool_connections_in_use", &[]).expect("in-use gauge");
    assert!(idle + in_use >= 1.0 && idle + in_use <= max, "{body}");
    let info = lectern_server::routes::BUILD_INFO;
    assert_eq!(
        sample(
            &body,
            "lectern_build_info",
            &[("version", info.version), ("commit", info.commit)]
        ),
        Some(1.0),
        "{body}"
    );
}

on_both_backends! {
    requests_are_counted_by_route_template => requests_are_counted_by_route_template;
    pool_and_build_info_are_exposed => pool_and_build_info_are_exposed;
}

#[tokio::test]
async fn without_a_token_proxied_scrapes_are_refused() {
    let app = TestApp::empty(Backend::Sqlite).await;
    let response = app
        .client
        .get(app.url("/metrics"))
        .header("x-forwarded-for", "203.0.113.7")
        .send()
        .await
        .expect("scrape");
    assert_eq!(response.status().as_u16(), 403);
    assert!(!response
        .text()
        .await
        .expect("body")
        .contains("http_requests_total"));
}

#[tokio::test]
async fn with_a_token_only_bearers_of_it_may_scrape() {
    const TOKEN: &str = "metrics-token-for-tests-4f1c";
    let app = TestApp::start_with(Backend::Sqlite, Sessions::Memory, |config| {
        config.metrics_token = Some(TOKEN.to_owned());
    })
    .await;
    let client = TestApp::new_client();
    let refused = client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("scrape");
    assert_eq!(
        refused.status().as_u16(),
        401,
        "loopback needs the token too"
    );
    assert_eq!(
        refused
            .headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer")
    );
    for wrong in [
        format!("Bearer {TOKEN}x"),
        "Bearer nope".to_owned(),
        format!("Basic {TOKEN}"),
    ] {
        let response = client
            .get(app.url("/metrics"))
            .header("authorization", wrong.as_str())
            .send()
            .await
            .expect("scrape");
        assert_eq!(response.status().as_u16(), 401, "{wrong}");
    }
    let allowed = client
        .get(app.url("/metrics"))
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("x-forwarded-for", "203.0.113.7")
        .send()
        .await
        .expect("scrape");
    assert_eq!(
        allowed.status().as_u16(),
        200,
        "the token works from anywhere"
    );
    let body = allowed.text().await.expect("body");
    assert!(body.contains("http_requests_total"));
    assert!(!body.contains(TOKEN));
}
