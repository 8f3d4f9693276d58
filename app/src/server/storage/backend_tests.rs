//! The same cases on both backends: the local disk (a temporary folder) and a real
//! S3-compatible server on loopback (`TEST_S3_ENDPOINT`, which scripts/test.sh starts).
//!
//! Without `TEST_S3_ENDPOINT` the S3 variants print that they were skipped, unless
//! `LECTERN_REQUIRE_S3=1` (set by scripts/test.sh), where they fail instead.

use std::io;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use bytes::Bytes;
use futures_util::stream;

use super::*;

/// Which backend a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Local,
    S3,
}

/// A storage for one test, with whatever keeps it alive.
struct Fixture {
    storage: Storage,
    /// Local: the parent of the media root, so a test can look outside the root.
    outer: Option<tempfile::TempDir>,
}

static BUCKETS: AtomicU32 = AtomicU32::new(0);

fn s3_endpoint() -> Option<String> {
    let endpoint = std::env::var("TEST_S3_ENDPOINT")
        .ok()
        .filter(|v| !v.trim().is_empty());
    let Some(endpoint) = endpoint else {
        if std::env::var("LECTERN_REQUIRE_S3").is_ok_and(|v| v == "1") {
            panic!("LECTERN_REQUIRE_S3=1 but TEST_S3_ENDPOINT is not set: start an S3-compatible server (scripts/test.sh does)");
        }
        eprintln!("SKIPPED: S3 backend test (set TEST_S3_ENDPOINT=http://127.0.0.1:9090 with moto_server running; scripts/test.sh does this)");
        return None;
    };
    let host = endpoint
        .trim_start_matches("http://")
        .trim_start_matches("https://");
    assert!(
        ["127.0.0.1:", "localhost:", "[::1]:"]
            .iter()
            .any(|p| host.starts_with(p)),
        "TEST_S3_ENDPOINT must be on loopback, not {endpoint}"
    );
    Some(endpoint)
}

impl Fixture {
    /// A fresh, empty store; `None` if the S3 variant is skipped.
    async fn new(which: Which) -> Option<Self> {
        match which {
            Which::Local => {
                let outer = tempfile::tempdir().expect("temp dir");
                let storage = Storage::local(outer.path().join("media"));
                Some(Self {
                    storage,
                    outer: Some(outer),
                })
            }
            Which::S3 => {
                let endpoint = s3_endpoint()?;
                let bucket = format!(
                    "lectern-test-{}-{}-{}",
                    std::process::id(),
                    BUCKETS.fetch_add(1, Ordering::Relaxed),
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.subsec_nanos())
                        .unwrap_or_default()
                );
                let storage = Storage::s3(S3Config {
                    bucket: bucket.clone(),
                    region: "us-east-1".into(),
                    endpoint: Some(endpoint.clone()),
                    force_path_style: true,
                    // Fake credentials, explicit: tests never read the process's AWS_* env.
                    access_key_id: Some("test".into()),
                    secret_access_key: Some("test".into()),
                })
                .await
                .expect("S3 client");
                s3_of(&storage)
                    .client
                    .create_bucket()
                    .bucket(&bucket)
                    .send()
                    .await
                    .unwrap_or_else(|e| {
                        panic!(
                            "creating bucket {bucket} at {endpoint} (is moto_server running?): {}",
                            aws_sdk_s3::error::DisplayErrorContext(&e)
                        )
                    });
                Some(Self {
                    storage,
                    outer: None,
                })
            }
        }
    }
}

fn s3_of(storage: &Storage) -> &s3::S3 {
    match &*storage.backend {
        Backend::S3(s3) => s3,
        Backend::Local(_) => panic!("not an S3 storage"),
    }
}

/// Runs each `async fn case(Fixture)` once on the local backend and once on S3.
macro_rules! on_both_backends {
    ($($case:ident),+ $(,)?) => {
        $(
            mod $case {
                #[tokio::test]
                async fn local() {
                    if let Some(fixture) = super::Fixture::new(super::Which::Local).await {
                        super::$case(fixture).await;
                    }
                }

                #[tokio::test]
                async fn s3() {
                    if let Some(fixture) = super::Fixture::new(super::Which::S3).await {
                        super::$case(fixture).await;
                    }
                }
            }
        )+
    };
}

on_both_backends!(
    stored_bytes_can_be_inspected_read_and_deleted,
    missing_objects_read_as_missing,
    an_empty_file_can_be_stored,
    every_operation_refuses_keys_that_escape_the_root,
);

#[path = "multipart_tests.rs"]
mod multipart_tests;
#[path = "presign_tests.rs"]
mod presign_tests;
#[path = "stream_tests.rs"]
mod stream_tests;

const KEY: &str = "courses/12/3f2a9c0d/cover.png";

/// `len` bytes of a pattern that makes misplaced or missing chunks visible.
fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8).collect()
}

/// `bytes` as an upload body in chunks of `chunk` bytes.
fn body(
    bytes: &[u8],
    chunk: usize,
) -> impl futures_util::Stream<Item = Result<Bytes, io::Error>> + Send + Unpin + 'static {
    let chunks: Vec<_> = bytes
        .chunks(chunk)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    stream::iter(chunks)
}

fn png_bytes() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    bytes.extend(pattern(3000));
    bytes
}

async fn stored_bytes_can_be_inspected_read_and_deleted(f: Fixture) {
    let s = &f.storage;
    let png = png_bytes();
    s.put_bytes(KEY, "image/png", png.clone())
        .await
        .expect("put");
    let info = s.head(KEY).await.expect("head").expect("stored");
    assert_eq!(info.size, png.len() as u64);
    let expected_type = (!s.is_local()).then(|| "image/png".to_owned());
    assert_eq!(info.content_type, expected_type);
    let prefix = s.read_prefix(KEY, 512).await.expect("prefix");
    assert_eq!(prefix, png[..512]);
    assert_eq!(sniff(MediaKind::Image, &prefix), Ok("image/png"));
    assert_eq!(s.read_prefix(KEY, 1 << 20).await.expect("all"), png);
    assert_eq!(s.get_bytes(KEY).await.expect("get"), png);

    s.delete(KEY).await.expect("delete");
    assert_eq!(s.head(KEY).await.expect("head"), None);
    assert_eq!(s.get_bytes(KEY).await, Err(StorageError::NotFound));
    assert_eq!(s.read_prefix(KEY, 512).await, Err(StorageError::NotFound));
    s.delete(KEY).await.expect("deleting again is fine");
}

async fn missing_objects_read_as_missing(f: Fixture) {
    let s = &f.storage;
    let key = "courses/404/nothing.pdf";
    assert_eq!(s.head(key).await, Ok(None));
    assert_eq!(s.get_bytes(key).await, Err(StorageError::NotFound));
    assert_eq!(s.read_prefix(key, 512).await, Err(StorageError::NotFound));
    assert_eq!(s.read_prefix(key, 0).await, Err(StorageError::NotFound));
    assert_eq!(s.delete(key).await, Ok(()));
    // A key "inside" a file is missing too, not an error.
    s.put_bytes("courses/1", "text/plain", b"x".to_vec())
        .await
        .expect("put");
    assert_eq!(s.head("courses/1/x.png").await, Ok(None));
    assert_eq!(
        s.get_bytes("courses/1/x.png").await,
        Err(StorageError::NotFound)
    );
}

async fn an_empty_file_can_be_stored(f: Fixture) {
    let s = &f.storage;
    let key = "courses/1/empty.txt";
    let written = s
        .put_stream(key, TEXT, body(&[], 1), 10)
        .await
        .expect("put");
    assert_eq!(written, 0);
    assert_eq!(s.head(key).await.expect("head").map(|i| i.size), Some(0));
    assert_eq!(s.read_prefix(key, 512).await, Ok(Vec::new()));
    assert_eq!(s.get_bytes(key).await, Ok(Vec::new()));
}

async fn every_operation_refuses_keys_that_escape_the_root(f: Fixture) {
    let s = &f.storage;
    let ttl = Duration::from_secs(60);
    for key in [
        "../escape.png",
        "/etc/passwd",
        "a/../../escape.png",
        "a\\b.png",
        "",
    ] {
        let invalid = Err(StorageError::InvalidKey);
        assert_eq!(s.put_bytes(key, "image/png", b"x".to_vec()).await, invalid);
        assert_eq!(
            s.put_stream(key, "image/png", body(b"x", 1), 10).await,
            Err(StorageError::InvalidKey)
        );
        assert_eq!(s.head(key).await, Err(StorageError::InvalidKey));
        assert_eq!(s.get_bytes(key).await, Err(StorageError::InvalidKey));
        assert_eq!(s.read_prefix(key, 8).await, Err(StorageError::InvalidKey));
        assert_eq!(s.delete(key).await, Err(StorageError::InvalidKey));
        assert_eq!(
            s.presign_put(key, "image/png", 1, ttl).await,
            Err(StorageError::InvalidKey)
        );
        assert_eq!(
            s.presign_get(key, ttl, None, None).await,
            Err(StorageError::InvalidKey)
        );
        assert_eq!(s.local_path(key), None);
    }
    if let Some(outer) = &f.outer {
        // Nothing was written next to (or above) the media root.
        let names: Vec<_> = std::fs::read_dir(outer.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert!(names.iter().all(|n| n == "media"), "{names:?}");
    }
}

/// Nothing but finished objects: no `.upload-*` temporary files on disk, no multipart
/// uploads left open in the bucket.
async fn assert_no_leftovers(f: &Fixture) {
    match &*f.storage.backend {
        Backend::Local(_) => {
            let outer = f.outer.as_ref().expect("local fixture");
            let mut stack = vec![outer.path().to_path_buf()];
            while let Some(dir) = stack.pop() {
                for entry in std::fs::read_dir(&dir).expect("list") {
                    let path = entry.expect("entry").path();
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                    assert!(
                        !name.unwrap_or_default().starts_with('.'),
                        "leftover {path:?}"
                    );
                    if path.is_dir() {
                        stack.push(path);
                    }
                }
            }
        }
        Backend::S3(s3) => {
            // Aborting is awaited before put_stream returns; allow the server a moment.
            let uploads = s3
                .client
                .list_multipart_uploads()
                .bucket(&s3.bucket)
                .send()
                .await
                .expect("list uploads");
            assert!(
                uploads.uploads().is_empty(),
                "open multipart uploads: {:?}",
                uploads.uploads()
            );
        }
    }
}

#[test]
fn the_upload_future_can_run_in_an_axum_handler() {
    fn assert_send<T: Send>(_: &T) {}
    let storage = Storage::local(std::env::temp_dir().join("lectern-never-written"));
    let future = storage.put_stream(KEY, "image/png", body(b"", 1), 1);
    assert_send(&future);
}

#[tokio::test]
async fn s3_needs_both_parts_of_explicit_credentials() {
    let result = Storage::s3(S3Config {
        bucket: "b".into(),
        region: "us-east-1".into(),
        endpoint: Some("http://127.0.0.1:9".into()),
        force_path_style: true,
        access_key_id: Some("id-without-secret".into()),
        secret_access_key: None,
    })
    .await;
    assert!(matches!(result, Err(StorageError::Backend(_))));
}

#[tokio::test]
async fn backends_report_their_names() {
    let local = Storage::local("data/media");
    assert_eq!((local.backend_name(), local.is_local()), ("local", true));
    assert_eq!(
        local.local_path("courses/1/a.png"),
        Some(std::path::PathBuf::from("data/media/courses/1/a.png"))
    );
    let s3 = Storage::s3(S3Config {
        bucket: "b".into(),
        region: "us-east-1".into(),
        endpoint: Some("http://127.0.0.1:9".into()),
        force_path_style: true,
        access_key_id: Some("test".into()),
        secret_access_key: Some("test".into()),
    })
    .await
    .expect("client");
    assert_eq!((s3.backend_name(), s3.is_local()), ("s3", false));
    assert_eq!(s3.local_path("courses/1/a.png"), None);
}
