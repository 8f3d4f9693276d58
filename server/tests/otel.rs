//! OTLP trace export: with an endpoint configured, request spans reach a collector as
//! OTLP/HTTP protobuf, named and attributed by route template. Its own test binary, because
//! the tracing subscriber it installs is process-global.

#[path = "integration/common/mod.rs"]
mod common;

use std::sync::{Arc, Mutex};

use axum::{body::Bytes, http::HeaderMap, routing::post, Router};
use common::{Backend, TestApp};
use lectern_server::{
    config::LogFormat,
    telemetry::{self, otel::OtelConfig},
};
use opentelemetry_proto::tonic::{
    collector::trace::v1::ExportTraceServiceRequest,
    common::v1::{any_value::Value, KeyValue},
    trace::v1::{span::SpanKind, Span},
};
use prost::Message;

type Received = Arc<Mutex<Vec<(String, Bytes)>>>;

/// A stand-in OTLP/HTTP collector: stores every POST to /v1/traces.
async fn fake_collector() -> (String, Received) {
    let received: Received = Arc::default();
    let store = received.clone();
    let router = Router::new().route(
        "/v1/traces",
        post(move |headers: HeaderMap, body: Bytes| {
            let content_type = headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            if let Ok(mut all) = store.lock() {
                all.push((content_type, body));
            }
            async { "" }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind collector");
    let addr = listener.local_addr().expect("collector addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    (format!("http://{addr}"), received)
}

fn attribute<'a>(attributes: &'a [KeyValue], key: &str) -> Option<&'a Value> {
    attributes
        .iter()
        .find(|kv| kv.key == key)
        .and_then(|kv| kv.value.as_ref())
        .and_then(|v| v.value.as_ref())
}

fn text<'a>(attributes: &'a [KeyValue], key: &str) -> Option<&'a str> {
    match attribute(attributes, key) {
        Some(Value::StringValue(s)) => Some(s),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_spans_reach_the_collector() {
    let (collector, received) = fake_collector().await;
    let config = OtelConfig {
        traces_endpoint: format!("{collector}/v1/traces"),
        service_name: "lectern-otel-test".to_owned(),
    };
    let telemetry = telemetry::init(LogFormat::Text, Some(&config)).expect("telemetry");
    assert!(telemetry.exports_traces());

    let app = TestApp::empty(Backend::Sqlite).await;
    assert_eq!(app.get("/courses/no-such-course-otel").await.0, 404);
    assert_eq!(app.get("/healthz").await.0, 200);
    let secret = "c2VjcmV0LXJlc2V0LXRva2VuLW90ZWw";
    app.get(&format!("/account/reset/{secret}")).await;
    // Flushes the batch, as graceful shutdown does.
    telemetry.shutdown().await;

    let batches = received.lock().expect("collector store").clone();
    assert!(!batches.is_empty(), "the collector received no export");
    let mut spans: Vec<Span> = Vec::new();
    for (content_type, body) in &batches {
        assert_eq!(content_type, "application/x-protobuf");
        assert!(!body.is_empty());
        let request = ExportTraceServiceRequest::decode(body.as_ref()).expect("OTLP protobuf");
        for resource_spans in request.resource_spans {
            let resource = resource_spans.resource.expect("resource");
            assert_eq!(
                text(&resource.attributes, "service.name"),
                Some("lectern-otel-test")
            );
            for scope in resource_spans.scope_spans {
                spans.extend(scope.spans);
            }
        }
    }

    let course = spans
        .iter()
        .find(|s| s.name == "GET /courses/{slug}")
        .unwrap_or_else(|| {
            let names: Vec<_> = spans.iter().map(|s| s.name.as_str()).collect();
            panic!("no span for the course route among {names:?}")
        });
    assert_eq!(course.kind, SpanKind::Server as i32);
    assert_eq!(
        text(&course.attributes, "http.route"),
        Some("/courses/{slug}")
    );
    assert_eq!(text(&course.attributes, "http.request.method"), Some("GET"));
    assert_eq!(
        text(&course.attributes, "url.path"),
        Some("/courses/no-such-course-otel")
    );
    assert_eq!(
        attribute(&course.attributes, "http.response.status_code"),
        Some(&Value::IntValue(404))
    );
    assert!(
        spans.iter().any(|s| s.name == "GET /healthz"),
        "every request gets a span"
    );

    // The reset link's token is a secret: its request is traced, the token never exported.
    let reset = spans
        .iter()
        .find(|s| text(&s.attributes, "http.route") == Some("/account/reset/{token}"))
        .expect("a span for the reset page");
    assert_eq!(
        text(&reset.attributes, "url.path"),
        Some("/account/reset/[redacted]")
    );
    for span in &spans {
        let exported = format!("{span:?}");
        assert!(!exported.contains(secret), "token exported in {exported}");
    }
}
