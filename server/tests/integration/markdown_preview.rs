//! The editors' markdown preview is rendered by the server (the browser bundle has no
//! renderer): sanitized like learners' pages, bounded, instructors only.

use crate::common::{call, person, Backend, TestApp};
use app::api::authoring::PreviewMarkdown;
use app::error::AppError;
use app::models::Role;
use leptos::server_fn::ServerFn;

async fn previews_render_safely_for_instructors_only(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let ada = person(&app, "ada@example.org", Role::Instructor)
        .await
        .client;
    let html = call::<String>(
        &app,
        &ada,
        PreviewMarkdown::PATH,
        &[(
            "source",
            "# Title\n\n**bold** [link](https://example.org) <script>alert(1)</script><img src=x onerror=alert(2)>",
        )],
    )
    .await
    .expect("an instructor's preview");
    assert!(html.contains("<h1>Title</h1>"), "{html}");
    assert!(html.contains("<strong>bold</strong>"), "{html}");
    assert!(html.contains("href=\"https://example.org\""), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("onerror"), "{html}");

    // Past the longest text an editor saves: refused, not rendered.
    let huge = "a".repeat(200_001);
    match call::<String>(&app, &ada, PreviewMarkdown::PATH, &[("source", &huge)]).await {
        Err((413, Some(AppError::TooLarge))) => {}
        other => panic!("oversized preview: {other:?}"),
    }

    let learner = person(&app, "lee@example.org", Role::Learner).await.client;
    match call::<String>(&app, &learner, PreviewMarkdown::PATH, &[("source", "x")]).await {
        Err((403, _)) => {}
        other => panic!("a learner's preview: {other:?}"),
    }
}

on_both_backends! {
    markdown_previews_render_safely_for_instructors_only => previews_render_safely_for_instructors_only;
}
