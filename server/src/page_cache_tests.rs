use std::sync::atomic::{AtomicU64, Ordering};

use axum::{
    http::{header, Method, Request},
    routing::{get, post},
    Router,
};
use tower::ServiceExt as _;

use super::*;

#[test]
fn reads_and_learner_steps_leave_public_pages_alone() {
    for path in [
        "/api/get_course1234567890",
        "/api/list_courses987",
        "/api/record_progress42",
        "/api/save_answer7",
        "/api/sign_in12",
    ] {
        assert!(!changes_public_pages(&Method::POST, path), "{path}");
    }
    assert!(!changes_public_pages(&Method::GET, "/courses"));
    assert!(!changes_public_pages(&Method::HEAD, "/"));
}

#[test]
fn authoring_enrolment_and_unknown_writes_are_changes() {
    for path in [
        "/api/publish_course1234",
        "/api/save_course1",
        "/api/save_lesson2",
        "/api/enroll3",
        "/api/update_display_name4",
        "/api/delete_account5",
        "/api/some_future_function6",
        "/media/upload",
    ] {
        assert!(changes_public_pages(&Method::POST, path), "{path}");
    }
    assert!(changes_public_pages(&Method::DELETE, "/anything"));
}

#[test]
fn only_the_home_catalogue_and_course_pages_are_cached() {
    for path in ["/", "/courses", "/courses/intro-to-rust"] {
        assert!(is_cached_page(path), "{path}");
    }
    for path in [
        "/courses/intro-to-rust/lessons/1",
        "/courses/",
        "/my-learning",
        "/teach",
        "/coursesx",
        "/api/get_course1",
    ] {
        assert!(!is_cached_page(path), "{path}");
    }
}

#[test]
fn the_encoding_follows_what_the_client_accepts() {
    let with = |value: &str| {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("header"),
        );
        Encoding::of(&headers)
    };
    assert_eq!(with("gzip, deflate, br, zstd"), Encoding::Brotli);
    assert_eq!(with("gzip, br;q=0"), Encoding::Gzip);
    assert_eq!(with("br;q=0.5"), Encoding::Brotli);
    assert_eq!(with("deflate"), Encoding::Identity);
    assert_eq!(Encoding::of(&HeaderMap::new()), Encoding::Identity);
}

/// A router whose pages say how many times they were rendered, behind the cache.
fn router(cache: PageCache, renders: Arc<AtomicU64>) -> Router {
    let page = move || {
        let renders = renders.clone();
        async move {
            let n = renders.fetch_add(1, Ordering::SeqCst) + 1;
            (
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                format!("<p>render {n}</p>"),
            )
        }
    };
    Router::new()
        .route("/courses", get(page.clone()))
        .route("/courses/{slug}", get(page.clone()))
        .route(
            "/courses/with-cookie",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/html"),
                        (header::SET_COOKIE, "x=1"),
                    ],
                    "<p>personal</p>",
                )
            }),
        )
        .route("/api/publish_course123", post(|| async { "ok" }))
        .route("/api/get_course123", post(|| async { "ok" }))
        .layer(axum::middleware::from_fn(move |request, next| {
            layer(cache.clone(), request, next)
        }))
}

async fn send(router: &Router, method: Method, uri: &str, cookie: Option<&str>) -> Response {
    let mut request = Request::builder().method(method).uri(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    router
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response")
}

async fn text(response: Response) -> String {
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("body");
    String::from_utf8_lossy(&body).into_owned()
}

#[tokio::test]
async fn a_page_is_rendered_once_until_something_changes() {
    let renders = Arc::new(AtomicU64::new(0));
    let app = router(
        PageCache::new(Duration::from_secs(60), None),
        renders.clone(),
    );
    let first = send(&app, Method::GET, "/courses?q=rust", None).await;
    assert!(first.headers().get(header::AGE).is_none(), "rendered now");
    assert_eq!(text(first).await, "<p>render 1</p>");
    let second = send(&app, Method::GET, "/courses?q=rust", None).await;
    assert_eq!(
        second.headers().get(header::AGE),
        Some(&HeaderValue::from(0u64))
    );
    assert_eq!(
        text(second).await,
        "<p>render 1</p>",
        "served from the cache"
    );
    // Another query is another page.
    assert_eq!(
        text(send(&app, Method::GET, "/courses?q=go", None).await).await,
        "<p>render 2</p>"
    );
    // A read-only server function changes nothing.
    send(&app, Method::POST, "/api/get_course123", None).await;
    assert_eq!(
        text(send(&app, Method::GET, "/courses?q=rust", None).await).await,
        "<p>render 1</p>"
    );
    // Publishing does: the next visitor gets a fresh page.
    send(&app, Method::POST, "/api/publish_course123", None).await;
    assert_eq!(
        text(send(&app, Method::GET, "/courses?q=rust", None).await).await,
        "<p>render 3</p>"
    );
    assert_eq!(renders.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn signed_in_visitors_and_personal_answers_are_never_cached() {
    let renders = Arc::new(AtomicU64::new(0));
    let app = router(
        PageCache::new(Duration::from_secs(60), None),
        renders.clone(),
    );
    let session = Some("lectern_session=abc");
    send(&app, Method::GET, "/courses", session).await;
    send(&app, Method::GET, "/courses", session).await;
    assert_eq!(renders.load(Ordering::SeqCst), 2, "rendered for each");
    send(&app, Method::GET, "/courses", None).await;
    // A signed-in visitor never gets the anonymous copy.
    assert_eq!(
        text(send(&app, Method::GET, "/courses", session).await).await,
        "<p>render 4</p>"
    );
    // Answers that set a cookie are not kept.
    send(&app, Method::GET, "/courses/with-cookie", None).await;
    let again = send(&app, Method::GET, "/courses/with-cookie", None).await;
    assert!(again.headers().get(header::AGE).is_none());
    assert!(again.headers().contains_key(header::SET_COOKIE));
}

#[tokio::test]
async fn copies_expire_after_the_ttl_and_a_zero_ttl_turns_it_off() {
    let renders = Arc::new(AtomicU64::new(0));
    let app = router(
        PageCache::new(Duration::from_millis(100), None),
        renders.clone(),
    );
    send(&app, Method::GET, "/courses/a", None).await;
    send(&app, Method::GET, "/courses/a", None).await;
    assert_eq!(renders.load(Ordering::SeqCst), 1);
    tokio::time::sleep(Duration::from_millis(150)).await;
    send(&app, Method::GET, "/courses/a", None).await;
    assert_eq!(
        renders.load(Ordering::SeqCst),
        2,
        "expired copy rendered again"
    );

    let renders = Arc::new(AtomicU64::new(0));
    let off = router(PageCache::new(Duration::ZERO, None), renders.clone());
    send(&off, Method::GET, "/courses/a", None).await;
    send(&off, Method::GET, "/courses/a", None).await;
    assert_eq!(renders.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn each_encoding_has_its_own_copy() {
    let renders = Arc::new(AtomicU64::new(0));
    let app = router(
        PageCache::new(Duration::from_secs(60), None),
        renders.clone(),
    );
    let get = |encoding: &'static str| {
        let app = app.clone();
        async move {
            let request = Request::builder()
                .uri("/courses")
                .header(header::ACCEPT_ENCODING, encoding)
                .body(Body::empty())
                .expect("request");
            app.oneshot(request).await.expect("response")
        }
    };
    // A copy made for one encoding is only served to requests that accept the same one.
    get("gzip").await;
    get("gzip, deflate").await;
    assert_eq!(renders.load(Ordering::SeqCst), 1, "one gzip bucket");
    get("br").await;
    assert_eq!(renders.load(Ordering::SeqCst), 2, "brotli has its own copy");
}
