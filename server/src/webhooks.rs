//! `POST /webhooks/stripe`: Stripe's event deliveries. The raw body is read (at most
//! [`MAX_BODY_BYTES`]) and handed with its `Stripe-Signature` to
//! `app::server::services::payments::events::handle`, which verifies, records and applies it.
//! Answers: 200 for applied, duplicate and ignored events; 400 for anything unsigned, badly
//! signed, stale or unreadable; 500 when applying failed, so Stripe delivers it again.
//!
//! Stripe sends no `Origin`: the cross-site check exempts this one path (see
//! [`crate::origin`]) because the signature is its authentication.

use app::server::services::payments::events::{handle, Delivery, WebhookError, MAX_BODY_BYTES};
use app::server::state::AppState;
use axum::{
    body::Bytes,
    extract::{DefaultBodyLimit, State},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::post,
    Json, Router,
};

/// The path Stripe is configured to deliver to.
pub const STRIPE_PATH: &str = "/webhooks/stripe";

/// The webhook route.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        STRIPE_PATH,
        post(stripe).layer(DefaultBodyLimit::max(MAX_BODY_BYTES)),
    )
}

async fn stripe(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok());
    match handle(
        &state.db,
        &state.payments,
        signature,
        &body,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(delivery) => Json(serde_json::json!({
            "received": true,
            "duplicate": delivery == Delivery::Duplicate,
        }))
        .into_response(),
        Err(WebhookError::Refused(reason)) => {
            tracing::warn!(%reason, "Stripe webhook delivery refused");
            (
                StatusCode::BAD_REQUEST,
                format!("webhook refused: {reason}"),
            )
                .into_response()
        }
        Err(WebhookError::Failed(error)) => {
            tracing::warn!(%error, "Stripe webhook delivery failed; Stripe will retry");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "webhook not applied; deliver it again",
            )
                .into_response()
        }
    }
}
