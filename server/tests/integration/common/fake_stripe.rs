//! A fake Stripe API on loopback, written for these tests (no Stripe mock comes from the
//! registries): it answers the four calls Lectern makes the way Stripe does, records every
//! request, and lets a test pay, refund or misprice a session as Stripe's side would.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

/// The secret key Lectern is configured with in these tests.
pub const SECRET_KEY: &str = "sk_test_lectern_fake";
/// The webhook signing secret in these tests.
pub const WEBHOOK_SECRET: &str = "whsec_lectern_fake";

/// One session as Stripe holds it.
#[derive(Debug, Clone)]
pub struct FakeSession {
    pub amount_total: i64,
    pub currency: String,
    pub paid: bool,
    pub payment_intent: Option<String>,
    pub refunded: bool,
}

/// One request Lectern sent.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: &'static str,
    pub path: String,
    pub form: HashMap<String, String>,
    pub idempotency_key: Option<String>,
    pub authorization: Option<String>,
}

#[derive(Default)]
struct Inner {
    sessions: HashMap<String, FakeSession>,
    by_key: HashMap<String, String>,
    seen: Vec<Seen>,
    next: u32,
}

/// The running fake.
#[derive(Clone)]
pub struct FakeStripe {
    pub base: String,
    inner: Arc<Mutex<Inner>>,
}

impl FakeStripe {
    /// Starts the fake on an ephemeral loopback port.
    pub async fn start() -> Self {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let app = Router::new()
            .route("/v1/checkout/sessions", post(create).get(list))
            .route("/v1/checkout/sessions/{id}", get(retrieve))
            .route("/v1/refunds", post(refund))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind fake stripe");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            base: format!("http://{addr}"),
            inner,
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Inner) -> T) -> T {
        f(&mut self.inner.lock().expect("fake stripe lock"))
    }

    /// Every request Lectern sent, oldest first.
    pub fn seen(&self) -> Vec<Seen> {
        self.with(|i| i.seen.clone())
    }

    /// Session `id` as Stripe holds it.
    pub fn session(&self, id: &str) -> Option<FakeSession> {
        self.with(|i| i.sessions.get(id).cloned())
    }

    /// The learner pays session `id`; returns its payment intent.
    pub fn pay(&self, id: &str) -> String {
        self.with(|i| {
            let session = i.sessions.get_mut(id).expect("session");
            session.paid = true;
            let intent = format!("pi_{}", id.trim_start_matches("cs_"));
            session.payment_intent = Some(intent.clone());
            intent
        })
    }

    /// Stripe charges `amount` instead of what Lectern asked (what tampering would look like).
    pub fn charge_instead(&self, id: &str, amount: i64) {
        self.with(|i| i.sessions.get_mut(id).expect("session").amount_total = amount);
    }

    /// Refunds session `id`'s payment from Stripe's side (the dashboard, say).
    pub fn refund_session(&self, id: &str) {
        self.with(|i| i.sessions.get_mut(id).expect("session").refunded = true);
    }
}

fn record(
    inner: &Mutex<Inner>,
    method: &'static str,
    path: String,
    headers: &HeaderMap,
    form: HashMap<String, String>,
) {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    inner.lock().expect("lock").seen.push(Seen {
        method,
        path,
        form,
        idempotency_key: header("idempotency-key"),
        authorization: header("authorization"),
    });
}

fn parse_form(body: &[u8]) -> HashMap<String, String> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn authorized(headers: &HeaderMap) -> bool {
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bearer {SECRET_KEY}"))
}

fn unauthorized() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        Json(json!({"error": {"type": "invalid_request_error", "message": "Invalid API Key"}})),
    )
        .into_response()
}

fn session_json(id: &str, s: &FakeSession) -> Value {
    json!({
        "id": id,
        "object": "checkout.session",
        "url": format!("https://checkout.stripe.test/c/pay/{id}"),
        "payment_status": if s.paid { "paid" } else { "unpaid" },
        "status": if s.paid { "complete" } else { "open" },
        "amount_total": s.amount_total,
        "currency": s.currency,
        "payment_intent": s.payment_intent.as_ref().map(|pi| json!({
            "id": pi,
            "object": "payment_intent",
            "latest_charge": {
                "id": format!("ch_{pi}"),
                "object": "charge",
                "refunded": s.refunded,
            },
        })),
    })
}

async fn create(
    State(inner): State<Arc<Mutex<Inner>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    record(
        &inner,
        "POST",
        "/v1/checkout/sessions".into(),
        &headers,
        form.clone(),
    );
    if !authorized(&headers) {
        return unauthorized();
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut inner = inner.lock().expect("lock");
    if let Some(id) = key.as_ref().and_then(|k| inner.by_key.get(k)).cloned() {
        let session = inner.sessions[&id].clone();
        return Json(session_json(&id, &session)).into_response();
    }
    inner.next += 1;
    let id = format!("cs_test_{:04}", inner.next);
    let session = FakeSession {
        amount_total: form
            .get("line_items[0][price_data][unit_amount]")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
        currency: form
            .get("line_items[0][price_data][currency]")
            .cloned()
            .unwrap_or_default(),
        paid: false,
        payment_intent: None,
        refunded: false,
    };
    inner.sessions.insert(id.clone(), session.clone());
    if let Some(key) = key {
        inner.by_key.insert(key, id.clone());
    }
    Json(session_json(&id, &session)).into_response()
}

async fn retrieve(
    State(inner): State<Arc<Mutex<Inner>>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    record(
        &inner,
        "GET",
        format!("/v1/checkout/sessions/{id}"),
        &headers,
        HashMap::new(),
    );
    if !authorized(&headers) {
        return unauthorized();
    }
    let inner = inner.lock().expect("lock");
    match inner.sessions.get(&id) {
        Some(session) => Json(session_json(&id, session)).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({"error": {"type": "invalid_request_error", "message": "No such checkout.session"}})),
        )
            .into_response(),
    }
}

async fn list(
    State(inner): State<Arc<Mutex<Inner>>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    record(
        &inner,
        "GET",
        "/v1/checkout/sessions".into(),
        &headers,
        query.clone(),
    );
    if !authorized(&headers) {
        return unauthorized();
    }
    let inner = inner.lock().expect("lock");
    let wanted = query.get("payment_intent");
    let data: Vec<Value> = inner
        .sessions
        .iter()
        .filter(|(_, s)| s.payment_intent.as_ref() == wanted)
        .map(|(id, s)| session_json(id, s))
        .collect();
    Json(json!({"object": "list", "data": data, "has_more": false})).into_response()
}

async fn refund(
    State(inner): State<Arc<Mutex<Inner>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = parse_form(&body);
    record(&inner, "POST", "/v1/refunds".into(), &headers, form.clone());
    if !authorized(&headers) {
        return unauthorized();
    }
    let mut inner = inner.lock().expect("lock");
    let intent = form.get("payment_intent").cloned().unwrap_or_default();
    let Some(session) = inner
        .sessions
        .values_mut()
        .find(|s| s.payment_intent.as_deref() == Some(intent.as_str()))
    else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": {"type": "invalid_request_error", "message": "No such payment_intent"}})),
        )
            .into_response();
    };
    session.refunded = true;
    Json(json!({"id": format!("re_{intent}"), "object": "refund", "status": "succeeded", "payment_intent": intent}))
        .into_response()
}
