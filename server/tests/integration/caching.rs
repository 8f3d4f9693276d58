//! Cache headers and compression as a CDN in front of Lectern would see them.

use crate::common::{Backend, TestApp, GOOD_PASSWORD};
use app::api::account::SignUp;

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> reqwest::Response {
    client
        .get(app.url(path))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .expect("request")
}

fn header(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(", ")
}

async fn anonymous_html_is_shared_briefly_and_compressed(backend: Backend) {
    let app = TestApp::with_demo(backend).await;
    let response = get(&app, &TestApp::new_client(), "/courses").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(header(&response, "cache-control"), "public, max-age=60");
    assert!(header(&response, "vary").to_lowercase().contains("cookie"));
    assert_eq!(
        header(&response, "content-encoding"),
        "br",
        "text is compressed"
    );
    let missing = get(&app, &TestApp::new_client(), "/courses/nope").await;
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(
        header(&missing, "cache-control"),
        "no-cache",
        "errors are not cached"
    );
}

async fn signed_in_html_and_api_answers_are_never_shared(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let reply = app
        .client
        .post(app.url(<SignUp as leptos::server_fn::ServerFn>::PATH))
        .header("origin", app.url(""))
        .form(&[
            ("display_name", "Cache Tester"),
            ("email", "cache@example.org"),
            ("password", GOOD_PASSWORD),
        ])
        .send()
        .await
        .expect("sign up");
    assert_eq!(reply.status().as_u16(), 200);
    assert_eq!(
        header(&reply, "cache-control"),
        "no-store",
        "server function answers"
    );
    assert!(!header(&reply, "set-cookie").is_empty());

    let page = get(&app, &app.client, "/").await;
    assert_eq!(page.status().as_u16(), 200);
    assert_eq!(header(&page, "cache-control"), "private, no-cache");
    assert!(page.text().await.expect("body").len() > 100);
}

on_both_backends! {
    anonymous_html_is_shared_briefly_and_compressed => anonymous_html_is_shared_briefly_and_compressed;
    signed_in_html_and_api_answers_are_never_shared => signed_in_html_and_api_answers_are_never_shared;
}
