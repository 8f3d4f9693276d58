//! A full media disk: an upload that does not fit fails with a clear message, leaves no
//! half-written file behind, and the server goes on serving (smaller files still fit).
//!
//! Needs root to mount a small tmpfs as the media folder; elsewhere it says it was skipped.

use crate::common::authoring::*;
use crate::common::{person, Backend, Sessions, TestApp};
use app::error::AppError;
use app::models::Role;

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct TinyDisk {
    dir: tempfile::TempDir,
}

impl TinyDisk {
    fn mount(size: &str) -> Option<Self> {
        let root = std::fs::read_to_string("/proc/self/status")
            .ok()?
            .lines()
            .find(|l| l.starts_with("Uid:"))
            .and_then(|l| l.split_whitespace().nth(1).map(|uid| uid == "0"))?;
        if !root {
            eprintln!("SKIPPED: the full-disk test needs root to mount a tmpfs");
            return None;
        }
        let dir = tempfile::tempdir().expect("dir");
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .expect("run mount");
        assert!(mounted.success(), "mounting a tmpfs as root failed");
        Some(Self { dir })
    }

    fn files(&self) -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else {
                    out.push(path.display().to_string());
                }
            }
        }
        let mut out = Vec::new();
        walk(self.dir.path(), &mut out);
        out
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_media_disk_fails_uploads_cleanly() {
    let Some(disk) = TinyDisk::mount("256k") else {
        return;
    };
    let media = disk.dir.path().display().to_string();
    let app = TestApp::start_with(Backend::Sqlite, Sessions::Memory, |config| {
        config.media_dir = media;
    })
    .await;
    let ada = person(&app, "ada@example.org", Role::Instructor)
        .await
        .client;
    let course = build_course(&app, &ada).await;

    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(2 * 1024 * 1024, b' ');
    match upload(&app, &ada, course.id, "attachment", "big.pdf", big).await {
        Err((422, Some(AppError::Validation(fields)))) => {
            assert!(fields["file"].contains("no room"), "{fields:?}")
        }
        other => panic!("a 2 MiB file on a 256 KiB disk: {other:?}"),
    }
    assert!(
        disk.files().is_empty(),
        "no half-written file: {:?}",
        disk.files()
    );

    // The server goes on: a file that fits is stored.
    let small = upload(&app, &ada, course.id, "image", "cover.png", PNG.to_vec()).await;
    assert!(small.is_ok(), "{small:?}");
    assert_eq!(app.get("/healthz").await.0, 200);
}
