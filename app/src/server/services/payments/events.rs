//! Webhook deliveries: verified, recorded by event id before they are acted on, acted on by
//! reading the provider's current state (see [`super::fulfil::reconcile`]).

use chrono::{DateTime, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::Deserialize;

use super::fulfil::reconcile;
use crate::error::AppError;
use crate::server::entities::{checkout, payment_dispute, payment_event, purchase};
use crate::server::payments::{signature, Payments};

/// The largest event body read (Stripe's events are a few kilobytes).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// What became of a delivery that was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Acted on now.
    Applied,
    /// Seen and acted on before: acknowledged, nothing done.
    Duplicate,
    /// A kind Lectern does not act on: acknowledged.
    Ignored,
}

/// Why a delivery was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    /// Unsigned, badly signed, stale or unreadable: answered 400, never retried usefully.
    #[error("refused: {0}")]
    Refused(String),
    /// Acting on it failed (database, provider): answered 500 so the provider retries.
    #[error("failed: {0}")]
    Failed(AppError),
}

impl From<AppError> for WebhookError {
    fn from(error: AppError) -> Self {
        WebhookError::Failed(error)
    }
}

#[derive(Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Deserialize)]
struct EventData {
    object: EventObject,
}

#[derive(Deserialize)]
struct EventObject {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    payment_intent: Option<String>,
    #[serde(default)]
    amount: Option<i64>,
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    status: Option<String>,
}

/// Checks and applies one delivery: `signature_header` is `Stripe-Signature`, `body` the raw
/// request body, `now` the server's clock.
pub async fn handle(
    db: &DatabaseConnection,
    payments: &Payments,
    signature_header: Option<&str>,
    body: &[u8],
    now: DateTime<Utc>,
) -> Result<Delivery, WebhookError> {
    let Some(secret) = payments.webhook_secret() else {
        return Err(WebhookError::Refused("payments are not configured".into()));
    };
    let header = signature_header.ok_or_else(|| WebhookError::Refused("no signature".into()))?;
    signature::verify(header, body, secret, now.timestamp())
        .map_err(|e| WebhookError::Refused(e.to_string()))?;
    let event: Event =
        serde_json::from_slice(body).map_err(|_| WebhookError::Refused("not an event".into()))?;
    if event.id.is_empty() || event.id.len() > 255 || event.kind.len() > 100 {
        return Err(WebhookError::Refused("not an event".into()));
    }
    payment_event::Entity::insert(payment_event::ActiveModel {
        id: Set(event.id.clone()),
        kind: Set(event.kind.clone()),
        received_at: Set(now),
        processed_at: Set(None),
    })
    .on_conflict_do_nothing_on([payment_event::Column::Id])
    .exec_without_returning(db)
    .await
    .map_err(AppError::from)?;
    let seen = payment_event::Entity::find_by_id(event.id.clone())
        .one(db)
        .await
        .map_err(AppError::from)?;
    if seen.is_some_and(|row| row.processed_at.is_some()) {
        return Ok(Delivery::Duplicate);
    }
    let delivery = act(db, payments, &event, now).await?;
    payment_event::Entity::update_many()
        .col_expr(payment_event::Column::ProcessedAt, Expr::value(Some(now)))
        .filter(payment_event::Column::Id.eq(event.id.clone()))
        .exec(db)
        .await
        .map_err(AppError::from)?;
    tracing::info!(event_id = %event.id, kind = %event.kind, ?delivery, "payment event");
    Ok(delivery)
}

async fn act(
    db: &DatabaseConnection,
    payments: &Payments,
    event: &Event,
    now: DateTime<Utc>,
) -> Result<Delivery, AppError> {
    match event.kind.as_str() {
        "checkout.session.completed" | "checkout.session.async_payment_succeeded" => {
            if let Some(session) = &event.data.object.id {
                reconcile(db, payments, session, now).await?;
            }
            Ok(Delivery::Applied)
        }
        "charge.refunded" => {
            if let Some(intent) = &event.data.object.payment_intent {
                if let Some(session) = session_of_payment(db, payments, intent).await? {
                    reconcile(db, payments, &session, now).await?;
                }
            }
            Ok(Delivery::Applied)
        }
        "charge.dispute.created" => {
            record_dispute(db, &event.data.object, now).await?;
            tracing::warn!(
                event_id = %event.id,
                payment_intent = event.data.object.payment_intent.as_deref().unwrap_or(""),
                "a payment is disputed: answer it in the Stripe dashboard"
            );
            Ok(Delivery::Applied)
        }
        _ => Ok(Delivery::Ignored),
    }
}

/// Records a dispute once (by the provider's id), with the purchase it concerns when known.
async fn record_dispute(
    db: &DatabaseConnection,
    dispute: &EventObject,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(id) = dispute.id.clone().filter(|id| id.len() <= 255) else {
        return Ok(());
    };
    let intent = dispute.payment_intent.clone().filter(|pi| pi.len() <= 255);
    let purchase_id = match &intent {
        Some(intent) => purchase::Entity::find()
            .filter(purchase::Column::PaymentIntent.eq(intent.as_str()))
            .one(db)
            .await?
            .map(|p| p.id),
        None => None,
    };
    let short = |value: &Option<String>, max: usize| -> String {
        value
            .as_deref()
            .unwrap_or("unknown")
            .chars()
            .take(max)
            .collect()
    };
    payment_dispute::Entity::insert(payment_dispute::ActiveModel {
        provider_dispute_id: Set(id),
        payment_intent: Set(intent),
        purchase_id: Set(purchase_id),
        amount_cents: Set(dispute.amount.unwrap_or(0).max(0)),
        currency: Set(short(&dispute.currency, 3).to_uppercase()),
        reason: Set(short(&dispute.reason, 100)),
        status: Set(short(&dispute.status, 40)),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([payment_dispute::Column::ProviderDisputeId])
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The checkout session behind payment `intent`: Lectern's own record first, else the provider.
async fn session_of_payment(
    db: &DatabaseConnection,
    payments: &Payments,
    intent: &str,
) -> Result<Option<String>, AppError> {
    let known = purchase::Entity::find()
        .filter(purchase::Column::PaymentIntent.eq(intent))
        .one(db)
        .await?;
    if let Some(purchase) = known {
        let checkout = checkout::Entity::find_by_id(purchase.checkout_id)
            .one(db)
            .await?;
        if let Some(checkout) = checkout {
            return Ok(Some(checkout.provider_session_id));
        }
    }
    payments.session_of_payment(db, intent).await
}
