//! Streamed uploads: whole files land whole; oversized, broken or abandoned ones leave nothing.

use super::*;

on_both_backends!(
    a_streamed_upload_is_stored_whole_and_replaces_the_old_file,
    an_oversized_upload_is_refused_and_leaves_nothing_behind,
    a_large_upload_spanning_several_parts_round_trips,
    an_upload_passing_its_limit_after_several_parts_leaves_nothing,
    a_broken_upload_stream_leaves_nothing_behind,
);

async fn a_streamed_upload_is_stored_whole_and_replaces_the_old_file(f: Fixture) {
    let s = &f.storage;
    s.put_bytes(KEY, "image/png", b"old".to_vec())
        .await
        .expect("put old");
    let data = pattern(100_000);
    let written = s
        .put_stream(KEY, "image/png", body(&data, 7_000), 100_000)
        .await
        .expect("exactly at the limit is allowed");
    assert_eq!(written, 100_000);
    assert_eq!(s.get_bytes(KEY).await.expect("get"), data);
    assert_eq!(
        s.head(KEY).await.expect("head").map(|i| i.size),
        Some(100_000)
    );
}

async fn an_oversized_upload_is_refused_and_leaves_nothing_behind(f: Fixture) {
    let s = &f.storage;
    let data = pattern(1_200);
    assert_eq!(
        s.put_stream(KEY, "image/png", body(&data, 400), 1_000)
            .await,
        Err(StorageError::TooLarge { max_bytes: 1_000 })
    );
    assert_eq!(s.head(KEY).await.expect("head"), None);
    assert_no_leftovers(&f).await;

    // Refusing a replacement keeps the file that was there.
    s.put_bytes(KEY, "image/png", b"keep me".to_vec())
        .await
        .expect("put");
    assert!(s
        .put_stream(KEY, "image/png", body(&data, 400), 1_000)
        .await
        .is_err());
    assert_eq!(s.get_bytes(KEY).await.expect("get"), b"keep me");
    assert_no_leftovers(&f).await;
}

async fn a_large_upload_spanning_several_parts_round_trips(f: Fixture) {
    let s = &f.storage;
    let key = "courses/12/lessons/7/lecture.mp4";
    let data = pattern(2 * s3::PART_SIZE + 12_345);
    let written = s
        .put_stream(key, "video/mp4", body(&data, 256 * 1024), 64 << 20)
        .await
        .expect("put");
    assert_eq!(written, data.len() as u64);
    let info = s.head(key).await.expect("head").expect("stored");
    assert_eq!(info.size, data.len() as u64);
    if !s.is_local() {
        assert_eq!(info.content_type.as_deref(), Some("video/mp4"));
    }
    assert!(
        s.get_bytes(key).await.expect("get") == data,
        "content differs"
    );
    assert_no_leftovers(&f).await;
}

async fn an_upload_passing_its_limit_after_several_parts_leaves_nothing(f: Fixture) {
    let s = &f.storage;
    let max = (s3::PART_SIZE + s3::PART_SIZE / 2) as u64;
    let data = pattern(2 * s3::PART_SIZE + 1);
    assert_eq!(
        s.put_stream(KEY, "video/mp4", body(&data, 1 << 20), max)
            .await,
        Err(StorageError::TooLarge { max_bytes: max })
    );
    assert_eq!(s.head(KEY).await.expect("head"), None);
    assert_no_leftovers(&f).await;
}

async fn a_broken_upload_stream_leaves_nothing_behind(f: Fixture) {
    let s = &f.storage;
    let chunks = vec![
        Ok(Bytes::from(pattern(5_000))),
        Err(io::Error::new(
            io::ErrorKind::ConnectionReset,
            "client went away",
        )),
    ];
    let result = s
        .put_stream(KEY, "image/png", stream::iter(chunks), 1 << 20)
        .await;
    assert!(
        matches!(result, Err(StorageError::Backend(_))),
        "{result:?}"
    );
    assert_eq!(s.head(KEY).await.expect("head"), None);
    assert_no_leftovers(&f).await;
}
