//! "Download for offline": the manifest lists what an enrolled learner may open (and nothing
//! for anyone else), and its version changes when the course's lessons change.

use crate::common::learning::*;
use crate::common::{call, person, Backend, TestApp};
use app::api::learning::OfflineManifest as ManifestFn;
use app::models::{CourseDownload, Role};
use app::server::entities::lesson;
use leptos::server_fn::ServerFn;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

on_both_backends! {
    download_manifest_follows_enrollment => download_manifest_follows_enrollment;
}

async fn download_manifest_follows_enrollment(backend: Backend) {
    let app = TestApp::empty(backend).await;
    let (ada, c) = instructor_and_course(&app, 3).await;
    let oversized_slug: &'static str = "x".repeat(201).leak();
    let ask = |client: reqwest::Client, slug: &'static str| {
        let app = &app;
        async move { call::<CourseDownload>(app, &client, ManifestFn::PATH, &[("slug", slug)]).await }
    };

    let anonymous = ask(TestApp::new_client(), "rust").await;
    assert_eq!(anonymous.err().map(|e| e.0), Some(401));
    let lea = person(&app, "lea@example.org", Role::Learner).await;
    let outsider = ask(lea.client.clone(), "rust").await;
    assert_eq!(
        outsider.err().map(|e| e.0),
        Some(403),
        "not enrolled: nothing to download, not even the free preview's list"
    );
    let unknown = ask(lea.client.clone(), "nope").await;
    assert_eq!(unknown.err().map(|e| e.0), Some(404));
    let oversized = ask(lea.client.clone(), oversized_slug).await;
    assert_eq!(oversized.err().map(|e| e.0), Some(404), "slugs are bounded");

    let sam = enrolled_learner(&app, "sam@example.org").await;
    let first = ask(sam.client.clone(), "rust").await.expect("manifest");
    let pages: Vec<&str> = first.pages.iter().map(|p| p.url.as_str()).collect();
    assert_eq!(
        pages,
        [
            "/courses/rust",
            "/learning",
            "/courses/rust/lessons/l1",
            "/courses/rust/lessons/l2",
            "/courses/rust/lessons/l3"
        ]
    );
    assert_eq!(first.course_title, "Course rust");
    let again = ask(sam.client.clone(), "rust").await.expect("manifest");
    assert_eq!(again.version, first.version, "nothing changed");

    let mut edited: lesson::ActiveModel = lesson::Entity::find_by_id(c.lessons[1])
        .one(&app.db)
        .await
        .expect("query")
        .expect("lesson")
        .into();
    edited.body = Set("Now with a picture: ![chart](/media/77/chart.png)".into());
    edited.update(&app.db).await.expect("edit");
    let changed = ask(sam.client.clone(), "rust").await.expect("manifest");
    assert_ne!(
        changed.version, first.version,
        "an edited lesson is a new version"
    );
    assert_eq!(
        changed
            .files
            .iter()
            .map(|f| f.url.as_str())
            .collect::<Vec<_>>(),
        ["/media/77/chart.png"],
        "the lesson's image is stored with it"
    );

    let own = ask(ada.client.clone(), "rust")
        .await
        .expect("the instructor may download");
    assert_eq!(own.pages.len(), 5);
}
