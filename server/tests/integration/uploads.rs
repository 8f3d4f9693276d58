//! Uploads cannot be swapped or left to pile up: once verified, a file is out of reach of the
//! upload URL it came through (which stays valid until it expires), and announced uploads that
//! never finish are swept away with their bytes — on local disk and in S3.

use crate::common::authoring::*;
use crate::common::{call, person, Backend, TestApp};
use app::api::authoring::{FinishUpload, StartUpload};
use app::models::{MediaInfo, Role, UploadTicket};
use app::server::entities::media;
use app::server::services::media::{sweep_abandoned, ABANDONED_AFTER};
use leptos::server_fn::ServerFn;
use sea_orm::EntityTrait;

async fn verified_files_cannot_be_swapped(backend: Backend) {
    verified_files_cannot_be_swapped_on(TestApp::empty(backend).await).await;
}

async fn verified_files_cannot_be_swapped_s3(backend: Backend) {
    if let Some(app) = TestApp::with_s3(backend).await {
        verified_files_cannot_be_swapped_on(app).await;
    }
}

/// Announces an upload of `bytes` as an image of `course_id` and sends the bytes.
async fn announce_and_send(
    app: &TestApp,
    client: &reqwest::Client,
    course_id: i64,
    bytes: &[u8],
) -> UploadTicket {
    let ticket: UploadTicket = call(
        app,
        client,
        StartUpload::PATH,
        &[
            ("course_id", &course_id.to_string()),
            ("kind", "image"),
            ("filename", "cover.png"),
            ("size_bytes", &bytes.len().to_string()),
        ],
    )
    .await
    .expect("ticket");
    assert!(put(app, client, &ticket, bytes).await, "upload accepted");
    ticket
}

/// PUTs `bytes` to the ticket's URL as the browser would; whether it was accepted.
async fn put(app: &TestApp, client: &reqwest::Client, ticket: &UploadTicket, bytes: &[u8]) -> bool {
    let url = if ticket.url.starts_with('/') {
        app.url(&ticket.url)
    } else {
        ticket.url.clone()
    };
    let mut request = client
        .put(url)
        .header("origin", app.url(""))
        .body(bytes.to_vec());
    for (name, value) in &ticket.headers {
        request = request.header(name, value);
    }
    request.send().await.expect("put").status().is_success()
}

async fn verified_files_cannot_be_swapped_on(app: TestApp) {
    let ada = person(&app, "ada@example.org", Role::Instructor)
        .await
        .client;
    let course = build_course(&app, &ada).await;
    let ticket = announce_and_send(&app, &ada, course.id, PNG).await;
    let ready: MediaInfo = call(
        &app,
        &ada,
        FinishUpload::PATH,
        &[("media_id", &ticket.media_id.to_string())],
    )
    .await
    .expect("verified");

    // The same URL again, now with something else of the same length: refused, or written
    // where nothing is served from. Either way the verified file is what readers get.
    let mut other = b"<svg onload=alert(1)>".to_vec();
    other.resize(PNG.len(), b' ');
    put(&app, &ada, &ticket, &other).await;
    let served = fetch_media(&app, &ada, &ready.url).await;
    assert_eq!(served.status().as_u16(), 200);
    assert_eq!(
        &served.bytes().await.expect("body")[..],
        PNG,
        "the verified bytes"
    );
}

async fn abandoned_uploads_are_swept(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let ada = person(&app, "ada@example.org", Role::Instructor)
        .await
        .client;
    let course = build_course(&app, &ada).await;
    let abandoned = announce_and_send(&app, &ada, course.id, PNG).await;
    let fresh_ticket = announce_and_send(&app, &ada, course.id, PNG).await;
    let files_before = count_files(&app.media);
    assert!(files_before >= 2, "both uploads' bytes arrived");

    let storage = app::server::storage::Storage::local(&app.media);
    let now = chrono::Utc::now();
    assert_eq!(
        sweep_abandoned(&app.db, &storage, now)
            .await
            .expect("sweep"),
        0,
        "recent uploads are left alone"
    );
    let later = now
        + chrono::Duration::from_std(ABANDONED_AFTER).expect("duration")
        + chrono::Duration::minutes(1);
    assert_eq!(
        sweep_abandoned(&app.db, &storage, later)
            .await
            .expect("sweep"),
        2
    );
    for id in [abandoned.media_id, fresh_ticket.media_id] {
        let row = media::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .expect("query");
        assert!(row.is_none(), "the abandoned upload's row is gone");
    }
    assert_eq!(count_files(&app.media), files_before - 2, "and its bytes");
}

/// Files under `dir`, recursively.
fn count_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let path = e.path();
                    if path.is_dir() {
                        count_files(&path)
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

on_both_backends! {
    verified_files_cannot_be_swapped => verified_files_cannot_be_swapped;
    verified_files_cannot_be_swapped_s3 => verified_files_cannot_be_swapped_s3;
    abandoned_uploads_are_swept => abandoned_uploads_are_swept;
}
