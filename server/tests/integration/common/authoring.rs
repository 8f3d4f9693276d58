//! Authoring helpers: a course built through the instructor's server functions, uploads
//! through the ticket flow, and media fetched as a browser would.

use app::api::authoring::{
    AddLesson, AddSection, CreateCourse, FinishUpload, GetCourseEditor, StartUpload,
};
use app::error::AppError;
use app::models::{CourseEditor, EditorSection, MediaInfo, UploadTicket};
use leptos::server_fn::ServerFn;

use super::{call, TestApp};

/// The smallest valid PNG (1×1, transparent).
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// Creates a course with a section and two lessons; returns its editor view.
pub async fn build_course(app: &TestApp, client: &reqwest::Client) -> CourseEditor {
    let id: i64 = call(
        app,
        client,
        CreateCourse::PATH,
        &[
            ("title", "Knitting for Engineers"),
            ("category", "design"),
            ("level", "beginner"),
        ],
    )
    .await
    .expect("create");
    let id_text = id.to_string();
    let outline: Vec<EditorSection> = call(
        app,
        client,
        AddSection::PATH,
        &[("course_id", &id_text), ("title", "Casting on")],
    )
    .await
    .expect("section");
    let section = outline[0].id.to_string();
    for title in ["First stitches", "Purl"] {
        let _: Vec<EditorSection> = call(
            app,
            client,
            AddLesson::PATH,
            &[("section_id", &section), ("title", title), ("kind", "text")],
        )
        .await
        .expect("lesson");
    }
    call(
        app,
        client,
        GetCourseEditor::PATH,
        &[("course_id", &id_text)],
    )
    .await
    .expect("editor")
}

/// Uploads `bytes` as `kind` through the ticket flow; returns the finish result.
pub async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    course_id: i64,
    kind: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Result<MediaInfo, (u16, Option<AppError>)> {
    let size = bytes.len().to_string();
    let ticket: UploadTicket = call(
        app,
        client,
        StartUpload::PATH,
        &[
            ("course_id", &course_id.to_string()),
            ("kind", kind),
            ("filename", name),
            ("size_bytes", &size),
        ],
    )
    .await?;
    let url = if ticket.url.starts_with('/') {
        app.url(&ticket.url)
    } else {
        ticket.url.clone()
    };
    let mut request = client.put(url).header("origin", app.url("")).body(bytes);
    for (name, value) in &ticket.headers {
        request = request.header(name, value);
    }
    let sent = request.send().await.expect("upload");
    if !sent.status().is_success() {
        let status = sent.status().as_u16();
        let error = serde_json::from_str(&sent.text().await.unwrap_or_default()).ok();
        return Err((status, error));
    }
    call(
        app,
        client,
        FinishUpload::PATH,
        &[("media_id", &ticket.media_id.to_string())],
    )
    .await
}

/// Follows a media URL as a browser would: Lectern's route, then (S3) the presigned redirect.
pub async fn fetch_media(app: &TestApp, client: &reqwest::Client, url: &str) -> reqwest::Response {
    let first = client.get(app.url(url)).send().await.expect("get media");
    if first.status() != 302 {
        return first;
    }
    assert_eq!(first.headers()["cache-control"], "private, no-store");
    let location = first.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    assert!(
        location.contains("X-Amz-Signature="),
        "presigned: {location}"
    );
    reqwest::get(location).await.expect("presigned get")
}
