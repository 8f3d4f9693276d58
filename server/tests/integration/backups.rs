//! Backups of the embedded setup: a snapshot taken while the server is busy is consistent, and
//! restoring it brings back the same catalogue, accounts and media files.

use crate::common::authoring::*;
use crate::common::{person, TestApp};
use app::models::{MediaInfo, Role};
use app::server::entities::{course, user};
use lectern_server::backup;
use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_serving_restores_everything() {
    // A database file, as the embedded default keeps it.
    let data = tempfile::tempdir().expect("dir");
    let url = format!(
        "sqlite://{}?mode=rwc",
        data.path().join("lectern.db").display()
    );
    let app = TestApp::on_database(&url).await;
    lectern_server::seed::load_demo(&app.db)
        .await
        .expect("demo");
    let ada = person(&app, "ada@example.org", Role::Instructor)
        .await
        .client;
    let built = build_course(&app, &ada).await;
    let cover: MediaInfo = upload(&app, &ada, built.id, "image", "cover.png", PNG.to_vec())
        .await
        .expect("upload");

    // Learners keep browsing while the backup runs.
    let busy = {
        let client = app.client.clone();
        let url = app.url("/courses");
        tokio::spawn(async move {
            for _ in 0..20 {
                let status = client.get(&url).send().await.expect("page").status();
                assert_eq!(status.as_u16(), 200);
            }
        })
    };
    let folder = tempfile::tempdir().expect("dir");
    let dest = folder.path().join("backup-1");
    let copied = backup::backup(&app.db, &app.media, &dest)
        .await
        .expect("backup");
    busy.await.expect("pages served during the backup");
    assert!(copied.database_bytes > 0);
    assert_eq!(copied.media_files, 1, "the cover");
    assert!(
        backup::backup(&app.db, &app.media, &dest).await.is_err(),
        "never into a folder that holds something"
    );

    let restored_db = folder.path().join("restored/lectern.db");
    let restored_media = folder.path().join("restored/media");
    backup::restore(&dest, &restored_db, &restored_media, false).expect("restore");
    assert!(
        backup::restore(&dest, &restored_db, &restored_media, false).is_err(),
        "an existing database is replaced only with --force"
    );
    backup::restore(&dest, &restored_db, &restored_media, true).expect("forced restore");

    let url = format!("sqlite://{}?mode=rw", restored_db.display());
    let restored = lectern_server::db::connect(&url, 1)
        .await
        .expect("open restored");
    for (what, before, after) in [
        (
            "courses",
            course::Entity::find().count(&app.db).await.expect("count"),
            course::Entity::find()
                .count(&restored)
                .await
                .expect("count"),
        ),
        (
            "users",
            user::Entity::find().count(&app.db).await.expect("count"),
            user::Entity::find().count(&restored).await.expect("count"),
        ),
    ] {
        assert_eq!(before, after, "{what} restored");
    }
    let file = std::fs::read_dir(&restored_media)
        .expect("media restored")
        .next()
        .is_some();
    assert!(file, "media files restored ({})", cover.url);
}
