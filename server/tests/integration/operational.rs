//! Health, readiness and build information — on SQLite and on Postgres.

use crate::common::{Backend, TestApp};

on_both_backends! {
    health_and_info_answer => health_and_info_answer;
    readiness_follows_the_database => readiness_follows_the_database;
}

async fn health_and_info_answer(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (status, body) = app.get("/healthz").await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    let response = app.client.get(app.url("/info")).send().await.expect("info");
    assert_eq!(response.status().as_u16(), 200);
    let info: serde_json::Value = response.json().await.expect("json");
    assert_eq!(info["name"], "lectern");
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert!(info["commit"].as_str().is_some_and(|c| !c.is_empty()));
    assert!(info["build_time"]
        .as_str()
        .is_some_and(|t| t.contains('T') || t == "unknown"));
}

async fn readiness_follows_the_database(backend: Backend) {
    let app = TestApp::empty(backend).await;
    assert_eq!(app.get("/readyz").await.0, 200);
    app.db.close_by_ref().await.expect("close pool");
    let (status, body) = app.get("/readyz").await;
    assert_eq!(status, 503);
    assert_eq!(body, "database unavailable");
    assert_eq!(
        app.get("/healthz").await.0,
        200,
        "liveness is independent of the database"
    );
}
