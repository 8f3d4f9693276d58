//! Fulfilment: moves Lectern's rows towards what the provider says about a checkout.

use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait, TryInsertResult,
};

use crate::error::AppError;
use crate::server::entities::{checkout, enrollment, purchase};
use crate::server::payments::Payments;

/// What [`reconcile`] found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reconciled {
    /// The session is not one of Lectern's checkouts, or the provider does not know it.
    Unknown,
    /// Not paid (yet).
    Unpaid,
    /// The provider's amount or currency differs from the checkout's: nothing granted.
    Mismatch,
    /// A purchase exists and gives access.
    Paid,
    /// A purchase exists and was refunded.
    Refunded,
}

/// Reads checkout `session_id` from the provider and applies it, idempotently: the purchase
/// is created once (with the enrollment, in one transaction) when paid, and marked refunded
/// once (the enrollment ended, progress kept) when the payment was refunded in full.
pub async fn reconcile(
    db: &DatabaseConnection,
    payments: &Payments,
    session_id: &str,
    now: DateTime<Utc>,
) -> Result<Reconciled, AppError> {
    let Some(checkout) = checkout::Entity::find()
        .filter(checkout::Column::ProviderSessionId.eq(session_id))
        .one(db)
        .await?
    else {
        tracing::warn!(
            session_id,
            "payment event for a checkout Lectern did not start"
        );
        return Ok(Reconciled::Unknown);
    };
    let Some(facts) = payments.session_facts(db, session_id).await? else {
        return Ok(Reconciled::Unknown);
    };
    if !facts.paid {
        return Ok(Reconciled::Unpaid);
    }
    if facts.amount_total != checkout.amount_cents
        || !facts.currency.eq_ignore_ascii_case(&checkout.currency)
    {
        tracing::error!(
            checkout_id = checkout.id,
            expected = checkout.amount_cents,
            charged = facts.amount_total,
            currency = %facts.currency,
            "paid amount differs from the checkout's price: not fulfilled"
        );
        return Ok(Reconciled::Mismatch);
    }
    let txn = db.begin().await?;
    let status = if facts.refunded {
        purchase::STATUS_REFUNDED
    } else {
        purchase::STATUS_PAID
    };
    let created = purchase::Entity::insert(purchase::ActiveModel {
        checkout_id: Set(checkout.id),
        user_id: Set(checkout.user_id),
        course_id: Set(checkout.course_id),
        amount_cents: Set(checkout.amount_cents),
        currency: Set(checkout.currency.clone()),
        coupon_code: Set(checkout.coupon_code.clone()),
        payment_intent: Set(facts.payment_intent.clone()),
        status: Set(status.to_owned()),
        paid_at: Set(now),
        refunded_at: Set(facts.refunded.then_some(now)),
        refund_reason: Set(None),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([purchase::Column::CheckoutId])
    .exec_without_returning(&txn)
    .await?;
    let created = matches!(created, TryInsertResult::Inserted(rows) if rows > 0);
    if created {
        super::coupons::redeem(&txn, &checkout, now).await?;
    }
    if created && !facts.refunded {
        enrollment::Entity::insert(enrollment::ActiveModel {
            user_id: Set(checkout.user_id),
            course_id: Set(checkout.course_id),
            enrolled_at: Set(now),
            ..Default::default()
        })
        .on_conflict_do_nothing_on([enrollment::Column::UserId, enrollment::Column::CourseId])
        .exec_without_returning(&txn)
        .await?;
        tracing::info!(
            checkout_id = checkout.id,
            user_id = checkout.user_id,
            course_id = checkout.course_id,
            "purchase fulfilled"
        );
    }
    if facts.refunded && !created {
        let refunded = purchase::Entity::update_many()
            .col_expr(
                purchase::Column::Status,
                Expr::value(purchase::STATUS_REFUNDED),
            )
            .col_expr(purchase::Column::RefundedAt, Expr::value(Some(now)))
            .filter(purchase::Column::CheckoutId.eq(checkout.id))
            .filter(purchase::Column::Status.eq(purchase::STATUS_PAID))
            .exec(&txn)
            .await?
            .rows_affected
            > 0;
        if refunded {
            let still_owned = super::owns(&txn, checkout.user_id, checkout.course_id).await?;
            if !still_owned {
                enrollment::Entity::delete_many()
                    .filter(enrollment::Column::UserId.eq(checkout.user_id))
                    .filter(enrollment::Column::CourseId.eq(checkout.course_id))
                    .exec(&txn)
                    .await?;
            }
            tracing::info!(
                checkout_id = checkout.id,
                user_id = checkout.user_id,
                "purchase refunded: access ended"
            );
        }
    }
    txn.commit().await?;
    Ok(if facts.refunded {
        Reconciled::Refunded
    } else {
        Reconciled::Paid
    })
}
