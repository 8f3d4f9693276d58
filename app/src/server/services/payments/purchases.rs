//! A learner's purchases and receipts, the success page's confirmation, and admin refunds.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::fulfil::reconcile;
use crate::error::AppError;
use crate::models::{receipt_number, CheckoutState, CheckoutStatus, PurchaseRow, Receipt};
use crate::server::entities::{checkout, course, purchase, user};
use crate::server::payments::{Payments, Provider};
use crate::server::services::learning::course_progress;

fn row(purchase: &purchase::Model, course: Option<&course::Model>) -> PurchaseRow {
    PurchaseRow {
        id: purchase.id,
        number: receipt_number(purchase.id),
        course_title: course.map_or_else(|| "A removed course".to_owned(), |c| c.title.clone()),
        course_slug: course.map(|c| c.slug.clone()).unwrap_or_default(),
        amount_cents: purchase.amount_cents,
        currency: purchase.currency.to_uppercase(),
        coupon_code: purchase.coupon_code.clone(),
        status: purchase.status.clone(),
        paid_at: purchase.paid_at.to_rfc3339(),
        refunded_at: purchase.refunded_at.map(|t| t.to_rfc3339()),
    }
}

/// The most purchases listed (newest first).
pub const MAX_LISTED: u64 = 500;

/// `user`'s purchases, newest first.
pub async fn list(
    db: &DatabaseConnection,
    user: &user::Model,
) -> Result<Vec<PurchaseRow>, AppError> {
    use sea_orm::QuerySelect;
    let purchases = purchase::Entity::find()
        .filter(purchase::Column::UserId.eq(user.id))
        .order_by_desc(purchase::Column::PaidAt)
        .order_by_desc(purchase::Column::Id)
        .limit(MAX_LISTED)
        .all(db)
        .await?;
    let courses = course::Entity::find()
        .filter(course::Column::Id.is_in(purchases.iter().map(|p| p.course_id)))
        .all(db)
        .await?;
    Ok(purchases
        .iter()
        .map(|p| row(p, courses.iter().find(|c| c.id == p.course_id)))
        .collect())
}

/// The receipt of `user`'s purchase `id`; `NotFound` for anyone else's.
pub async fn receipt(
    db: &DatabaseConnection,
    user: &user::Model,
    id: i64,
) -> Result<Receipt, AppError> {
    let purchase = purchase::Entity::find_by_id(id)
        .filter(purchase::Column::UserId.eq(user.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let course = course::Entity::find_by_id(purchase.course_id)
        .one(db)
        .await?;
    Ok(Receipt {
        purchase: row(&purchase, course.as_ref()),
        buyer_name: user.display_name.clone(),
        buyer_email: user.email.clone(),
        payment_reference: purchase.payment_intent.clone(),
    })
}

/// How `user`'s checkout `session_id` stands, after asking the provider (so a slow webhook
/// never strands a learner who has paid). `NotFound` for anyone else's.
pub async fn confirm(
    db: &DatabaseConnection,
    payments: &Payments,
    user: &user::Model,
    session_id: &str,
    now: DateTime<Utc>,
) -> Result<CheckoutStatus, AppError> {
    let checkout = checkout::Entity::find()
        .filter(checkout::Column::ProviderSessionId.eq(session_id))
        .filter(checkout::Column::UserId.eq(user.id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let course = course::Entity::find_by_id(checkout.course_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    reconcile(db, payments, session_id, now).await?;
    let purchase = purchase::Entity::find()
        .filter(purchase::Column::CheckoutId.eq(checkout.id))
        .one(db)
        .await?;
    let state = match purchase {
        None => CheckoutState::Pending,
        Some(p) if p.status == purchase::STATUS_REFUNDED => CheckoutState::Refunded,
        Some(_) => {
            let progress = course_progress(db, user.id, &course).await?;
            CheckoutState::Paid {
                lesson_href: progress
                    .continue_lesson_slug
                    .map(|lesson| format!("/courses/{}/lessons/{lesson}", course.slug)),
            }
        }
    };
    Ok(CheckoutStatus {
        course_title: course.title,
        course_slug: course.slug,
        state,
    })
}

/// Refunds purchase `id` in full through the provider and applies the refund at once (the
/// provider's own event, arriving later, then changes nothing). Admins only: checked by the
/// caller. `reason` (1 to 200 characters) is kept with the purchase. Refunding a refunded
/// purchase is a `Conflict`.
pub async fn refund(
    db: &DatabaseConnection,
    payments: &Payments,
    id: i64,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::field(
            "reason",
            "Say why this purchase is refunded.",
        ));
    }
    if reason.chars().count() > 200 {
        return Err(AppError::field("reason", "At most 200 characters."));
    }
    let purchase = purchase::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if purchase.status == purchase::STATUS_REFUNDED {
        return Err(AppError::Conflict(
            "This purchase is already refunded.".into(),
        ));
    }
    purchase::Entity::update_many()
        .col_expr(
            purchase::Column::RefundReason,
            sea_orm::sea_query::Expr::value(Some(reason.to_owned())),
        )
        .filter(purchase::Column::Id.eq(id))
        .filter(purchase::Column::Status.eq(purchase::STATUS_PAID))
        .exec(db)
        .await?;
    let checkout = checkout::Entity::find_by_id(purchase.checkout_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    match &payments.provider {
        Provider::Stripe(api) => {
            let intent = purchase.payment_intent.as_deref().ok_or_else(|| {
                AppError::Conflict("This purchase has no payment to refund.".into())
            })?;
            api.refund(intent, &format!("lectern-refund-{}", purchase.id))
                .await?;
            reconcile(db, payments, &checkout.provider_session_id, now).await?;
        }
        Provider::Demo => super::demo::refund(db, payments, checkout.id, now).await?,
        Provider::Off => {
            return Err(AppError::Conflict(
                crate::server::payments::PURCHASES_OFF.into(),
            ))
        }
    }
    tracing::info!(purchase_id = id, "purchase refunded by an admin");
    Ok(())
}

/// Purchases on one admin page.
pub const ADMIN_PAGE_SIZE: u64 = 50;

/// Every purchase, newest first, page `page` (1-based), with their buyers, and every recorded
/// dispute (newest 100). Admins only: checked by the caller.
pub async fn admin_list(
    db: &DatabaseConnection,
    page: Option<u64>,
) -> Result<crate::models::AdminPurchasePage, AppError> {
    use crate::models::{AdminPurchasePage, AdminPurchaseRow, DisputeRow};
    use crate::server::entities::payment_dispute;
    use crate::server::services::pagination;
    use sea_orm::{PaginatorTrait, QuerySelect};
    let paginator = purchase::Entity::find()
        .order_by_desc(purchase::Column::PaidAt)
        .order_by_desc(purchase::Column::Id)
        .paginate(db, ADMIN_PAGE_SIZE);
    let paged = pagination::fetch(paginator, page).await?;
    let courses = course::Entity::find()
        .filter(course::Column::Id.is_in(paged.rows.iter().map(|p| p.course_id)))
        .all(db)
        .await?;
    let buyers = user::Entity::find()
        .filter(user::Column::Id.is_in(paged.rows.iter().map(|p| p.user_id)))
        .all(db)
        .await?;
    let disputes = payment_dispute::Entity::find()
        .order_by_desc(payment_dispute::Column::CreatedAt)
        .limit(100)
        .all(db)
        .await?;
    let items = paged
        .rows
        .iter()
        .map(|p| {
            let buyer = buyers.iter().find(|u| u.id == p.user_id);
            AdminPurchaseRow {
                purchase: row(p, courses.iter().find(|c| c.id == p.course_id)),
                buyer_name: buyer.map(|u| u.display_name.clone()).unwrap_or_default(),
                buyer_email: buyer.map(|u| u.email.clone()).unwrap_or_default(),
                refund_reason: p.refund_reason.clone(),
                disputed: disputes.iter().any(|d| d.purchase_id == Some(p.id)),
            }
        })
        .collect();
    Ok(AdminPurchasePage {
        items,
        page: paged.page,
        total_pages: paged.total_pages.max(1),
        total: paged.total,
        disputes: disputes
            .into_iter()
            .map(|d| DisputeRow {
                dispute_id: d.provider_dispute_id,
                purchase_id: d.purchase_id,
                amount_cents: d.amount_cents,
                currency: d.currency,
                reason: d.reason,
                status: d.status,
                created_at: d.created_at.to_rfc3339(),
            })
            .collect(),
    })
}
