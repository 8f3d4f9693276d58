//! Presigned URLs: uploads and downloads that go straight between the browser and S3.

use super::*;

on_both_backends!(
    a_presigned_put_uploads_straight_to_the_bucket,
    a_presigned_get_serves_the_file_under_its_download_name,
);

async fn a_presigned_put_uploads_straight_to_the_bucket(f: Fixture) {
    let s = &f.storage;
    let png = png_bytes();
    let presigned = s
        .presign_put(KEY, "image/png", png.len() as u64, Duration::from_secs(300))
        .await
        .expect("presign");
    let Some(presigned) = presigned else {
        assert!(
            s.is_local(),
            "only the local backend has no presigned uploads"
        );
        return;
    };
    assert_eq!(presigned.method, "PUT");
    assert_eq!(presigned.expires_in_secs, 300);
    let url = reqwest::Url::parse(&presigned.url).expect("url");
    let query: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(query.get("X-Amz-Expires").map(String::as_str), Some("300"));
    // The signature covers the declared size and type, so the browser cannot send more, or
    // something else, than what the server checked.
    let signed = query.get("X-Amz-SignedHeaders").expect("signed headers");
    assert!(
        signed.split(';').any(|h| h == "content-length")
            && signed.split(';').any(|h| h == "content-type"),
        "{signed}"
    );
    assert!(
        !presigned.url.contains("x-amz-checksum"),
        "no checksum of an empty body: {}",
        presigned.url
    );

    // Upload as a browser would: the given headers, its own content-length from the body.
    let mut request = reqwest::Client::new().put(&presigned.url).body(png.clone());
    for (name, value) in &presigned.headers {
        if !name.eq_ignore_ascii_case("content-length") {
            request = request.header(name, value);
        }
    }
    let response = request.send().await.expect("PUT");
    assert!(response.status().is_success(), "{}", response.status());
    let info = s.head(KEY).await.expect("head").expect("uploaded");
    assert_eq!(info.size, png.len() as u64);
    assert_eq!(info.content_type.as_deref(), Some("image/png"));
    assert_eq!(s.get_bytes(KEY).await.expect("get"), png);
}

async fn a_presigned_get_serves_the_file_under_its_download_name(f: Fixture) {
    let s = &f.storage;
    let key = "courses/12/3f2a9c0d/slides.pdf";
    let pdf = b"%PDF-1.7\n% slides for week one\n".to_vec();
    s.put_bytes(key, "application/pdf", pdf.clone())
        .await
        .expect("put");
    let ttl = Duration::from_secs(120);
    let url = s
        .presign_get(key, ttl, Some("Week 1 — slides.pdf"), None)
        .await
        .expect("presign");
    let Some(url) = url else {
        assert!(
            s.is_local(),
            "only the local backend serves through the app"
        );
        let path = s.local_path(key).expect("local path");
        assert_eq!(std::fs::read(path).expect("read the served file"), pdf);
        return;
    };
    assert!(s.local_path(key).is_none());
    let parsed = reqwest::Url::parse(&url).expect("url");
    let query: std::collections::HashMap<_, _> = parsed.query_pairs().into_owned().collect();
    assert_eq!(query.get("X-Amz-Expires").map(String::as_str), Some("120"));
    let response = reqwest::get(&url).await.expect("GET");
    assert_eq!(response.status(), 200);
    let disposition = response
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    assert_eq!(
        disposition.as_deref(),
        Some(content_disposition("Week 1 — slides.pdf").as_str())
    );
    assert_eq!(response.bytes().await.expect("body").as_ref(), pdf);

    // Without a download name the browser shows the file inline.
    let plain = s.presign_get(key, ttl, None, None).await.expect("presign");
    let plain = plain.expect("s3 url");
    assert!(!plain.contains("response-content-disposition"));
    assert_eq!(
        reqwest::get(&plain)
            .await
            .expect("GET")
            .bytes()
            .await
            .expect("body")
            .as_ref(),
        pdf
    );
    // The moto test server does not check signatures or expiry (real S3 does), so a
    // tampered or expired URL cannot be shown to fail here; the assertions above pin what
    // is signed and for how long.
}
