//! The local demo checkout (no Stripe keys, demo content on): a page that says no card is
//! charged, whose Pay button produces a signed `checkout.session.completed` event that goes
//! through the same verification and fulfilment as Stripe's.

use chrono::{DateTime, Utc};
use sea_orm::{sea_query::Expr, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::events::{handle, WebhookError};
use crate::error::AppError;
use crate::models::DemoCheckout;
use crate::server::entities::{checkout, course, user};
use crate::server::payments::{signature, Payments, Provider};

/// The refusal to take payment for a checkout past its lifetime.
pub const EXPIRED_CHECKOUT: &str =
    "This checkout has expired. Go back to the course and choose Buy now again.";

async fn own_checkout(
    db: &DatabaseConnection,
    payments: &Payments,
    user: &user::Model,
    session_id: &str,
) -> Result<checkout::Model, AppError> {
    if !matches!(payments.provider, Provider::Demo) {
        return Err(AppError::NotFound);
    }
    checkout::Entity::find()
        .filter(checkout::Column::ProviderSessionId.eq(session_id))
        .filter(checkout::Column::UserId.eq(user.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The demo checkout page for `user`'s session `session_id`; `NotFound` for anyone else's and
/// when the demo provider is not the one in use.
pub async fn page(
    db: &DatabaseConnection,
    payments: &Payments,
    user: &user::Model,
    session_id: &str,
) -> Result<DemoCheckout, AppError> {
    let checkout = own_checkout(db, payments, user, session_id).await?;
    let course = course::Entity::find_by_id(checkout.course_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(DemoCheckout {
        session_id: checkout.provider_session_id,
        course_title: course.title,
        course_slug: course.slug,
        amount_cents: checkout.amount_cents,
        currency: checkout.currency.to_uppercase(),
        paid: checkout.demo_paid_at.is_some(),
    })
}

/// Pays `user`'s demo session (again is fine) and delivers the signed completion event to the
/// webhook handler. Returns the success page's path.
pub async fn pay(
    db: &DatabaseConnection,
    payments: &Payments,
    user: &user::Model,
    session_id: &str,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let checkout = own_checkout(db, payments, user, session_id).await?;
    let lifetime = chrono::Duration::minutes(super::coupons::CHECKOUT_LIFETIME_MINUTES);
    if checkout.demo_paid_at.is_none() && checkout.created_at + lifetime <= now {
        return Err(AppError::Conflict(EXPIRED_CHECKOUT.into()));
    }
    checkout::Entity::update_many()
        .col_expr(checkout::Column::DemoPaidAt, Expr::value(Some(now)))
        .col_expr(
            checkout::Column::DemoPaymentIntent,
            Expr::value(Some(format!("pi_demo_{}", checkout.id))),
        )
        .filter(checkout::Column::Id.eq(checkout.id))
        .filter(checkout::Column::DemoPaidAt.is_null())
        .exec(db)
        .await?;
    let event = serde_json::json!({
        "id": format!("evt_demo_{}", uuid::Uuid::now_v7().simple()),
        "object": "event",
        "type": "checkout.session.completed",
        "created": now.timestamp(),
        "data": { "object": {
            "id": checkout.provider_session_id,
            "object": "checkout.session",
            "payment_status": "paid",
        }},
    });
    deliver(db, payments, &event, now).await?;
    Ok(format!(
        "/checkout/success?session_id={}",
        checkout.provider_session_id
    ))
}

/// Refunds the demo payment of checkout `checkout_id` and delivers the signed
/// `charge.refunded` event (what Stripe sends after a refund).
pub async fn refund(
    db: &DatabaseConnection,
    payments: &Payments,
    checkout_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let checkout = checkout::Entity::find_by_id(checkout_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(intent) = checkout.demo_payment_intent.clone() else {
        return Err(AppError::Conflict("This payment was never made.".into()));
    };
    checkout::Entity::update_many()
        .col_expr(checkout::Column::DemoRefundedAt, Expr::value(Some(now)))
        .filter(checkout::Column::Id.eq(checkout.id))
        .filter(checkout::Column::DemoRefundedAt.is_null())
        .exec(db)
        .await?;
    let event = serde_json::json!({
        "id": format!("evt_demo_{}", uuid::Uuid::now_v7().simple()),
        "object": "event",
        "type": "charge.refunded",
        "created": now.timestamp(),
        "data": { "object": {
            "id": format!("ch_demo_{}", checkout.id),
            "object": "charge",
            "payment_intent": intent,
            "refunded": true,
            "amount_refunded": checkout.amount_cents,
        }},
    });
    deliver(db, payments, &event, now).await
}

async fn deliver(
    db: &DatabaseConnection,
    payments: &Payments,
    event: &serde_json::Value,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let secret = payments.webhook_secret().ok_or(AppError::Internal)?;
    let body = serde_json::to_vec(event).map_err(|_| AppError::Internal)?;
    let header = signature::sign(&body, secret, now.timestamp());
    match handle(db, payments, Some(&header), &body, now).await {
        Ok(_) => Ok(()),
        Err(WebhookError::Failed(error)) => Err(error),
        Err(WebhookError::Refused(reason)) => {
            tracing::error!(%reason, "the demo checkout's own event was refused");
            Err(AppError::Internal)
        }
    }
}
