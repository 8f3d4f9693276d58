//! Prometheus metrics at `/metrics`: request counts and latencies by route template, database
//! pool gauges sampled at scrape time, and build information.
//!
//! One registry per router (not a process-global recorder), so every server, and every test
//! server, counts only its own requests.

pub mod access;
pub mod http;
pub mod pool;

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use prometheus_client::{
    encoding::{text::encode, EncodeLabelSet},
    metrics::{family::Family, gauge::Gauge},
    registry::Registry,
};
use sea_orm::DatabaseConnection;

use self::{access::Access, http::HttpMetrics};

/// The exposition format `prometheus-client` writes (Prometheus scrapes it natively).
const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct BuildLabels {
    version: &'static str,
    commit: &'static str,
}

/// The metrics of one server: the registry, the request instruments and the scrape rule.
#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    http: HttpMetrics,
    access: Access,
}

impl Metrics {
    /// Registers every metric; the pool gauges read `db` on each scrape. `token` is
    /// `METRICS_TOKEN` (see [`access`]).
    pub fn new(db: DatabaseConnection, token: Option<&str>) -> Self {
        let mut registry = Registry::default();
        let http = HttpMetrics::register(&mut registry);
        registry.register_collector(Box::new(pool::PoolCollector::new(db)));
        let build = Family::<BuildLabels, Gauge>::default();
        build
            .get_or_create(&BuildLabels {
                version: crate::routes::BUILD_INFO.version,
                commit: crate::routes::BUILD_INFO.commit,
            })
            .set(1);
        registry.register(
            "lectern_build_info",
            "The running build: always 1, labelled with version and git commit",
            build,
        );
        Self {
            registry: Arc::new(registry),
            http,
            access: Access::new(token),
        }
    }

    /// The request instruments, for [`http::track`].
    pub fn http(&self) -> HttpMetrics {
        self.http.clone()
    }

    /// The `/metrics` route.
    pub fn routes<S: Clone + Send + Sync + 'static>(&self) -> Router<S> {
        Router::new()
            .route("/metrics", get(scrape))
            .with_state(self.clone())
    }
}

/// Answers a scrape the access rule allows with the current values of every metric.
async fn scrape(State(metrics): State<Metrics>, request: Request) -> Response {
    if let Err(refusal) = metrics.access.check(&request) {
        return refusal.into_response();
    }
    let mut body = String::new();
    if let Err(error) = encode(&mut body, &metrics.registry) {
        tracing::error!(%error, "encoding metrics");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response()
}
