//! Starting a checkout: the price comes from the database, a double click makes one session.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use super::{coupons, owns};
use crate::error::AppError;
use crate::server::entities::{checkout, course, purchase, user};
use crate::server::payments::{CreatedSession, NewSession, Payments, Provider, PURCHASES_OFF};

/// The refusal to sell a course twice.
pub const ALREADY_OWNED: &str = "You already own this course.";
/// The refusal to sell a free course.
pub const FREE_COURSE: &str = "This course is free: enroll instead.";
/// How long the same purchase attempt reuses one Checkout Session (double clicks, reloads).
const SAME_ATTEMPT_SECS: i64 = 600;

/// Starts a checkout of the published paid course `slug` for `user`, with coupon `coupon` when
/// one is given (claimed here, so a limited coupon is never over-used), and returns the
/// payment page to send them to. `NotFound` for unknown courses and drafts; `Conflict` for
/// free courses, courses they own, and when no payment provider is configured; a `coupon`
/// field error for a coupon that cannot be used.
pub async fn start(
    db: &DatabaseConnection,
    payments: &Payments,
    public_url: &str,
    user: &user::Model,
    slug: &str,
    coupon: Option<&str>,
    now: DateTime<Utc>,
) -> Result<CreatedSession, AppError> {
    let course = crate::server::services::courses::published(db, slug).await?;
    if course.price_cents <= 0 {
        return Err(AppError::Conflict(FREE_COURSE.into()));
    }
    if owns(db, user.id, course.id).await? {
        return Err(AppError::Conflict(ALREADY_OWNED.into()));
    }
    if matches!(payments.provider, Provider::Off) {
        tracing::error!(
            course_id = course.id,
            "a learner tried to buy a paid course, but no payment provider is configured: set \
             STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (or run the demo)"
        );
        return Err(AppError::Conflict(PURCHASES_OFF.into()));
    }
    let earlier = purchase::Entity::find()
        .filter(purchase::Column::UserId.eq(user.id))
        .filter(purchase::Column::CourseId.eq(course.id))
        .count(db)
        .await?;
    let coupon = match coupon.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => Some(coupons::claim(db, &course, code, user.id, now).await?),
        None => None,
    };
    let amount_cents = coupon.as_ref().map_or(course.price_cents, |c| {
        coupons::discounted(course.price_cents, c)
    });
    let coupon_code = coupon.map(|c| c.code);
    let currency = course.currency.to_lowercase();
    let key = attempt_key(
        user.id,
        &course,
        amount_cents,
        coupon_code.as_deref(),
        earlier,
        now,
    );
    let base = public_url.trim_end_matches('/');
    let success_url = format!("{base}/checkout/success?session_id={{CHECKOUT_SESSION_ID}}");
    let cancel_url = format!("{base}/checkout/cancel?course={}", course.slug);
    let created = payments
        .create_session(&NewSession {
            title: &course.title,
            amount_cents,
            currency: &currency,
            email: &user.email,
            user_id: user.id,
            course_id: course.id,
            success_url: &success_url,
            cancel_url: &cancel_url,
            idempotency_key: &key,
            expires_at: (now + Duration::minutes(coupons::CHECKOUT_LIFETIME_MINUTES)).timestamp(),
        })
        .await?;
    checkout::Entity::insert(checkout::ActiveModel {
        provider_session_id: Set(created.id.clone()),
        user_id: Set(user.id),
        course_id: Set(course.id),
        amount_cents: Set(amount_cents),
        currency: Set(currency),
        coupon_code: Set(coupon_code),
        created_at: Set(now),
        demo_payment_intent: Set(None),
        demo_paid_at: Set(None),
        demo_refunded_at: Set(None),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([checkout::Column::ProviderSessionId])
    .exec_without_returning(db)
    .await?;
    tracing::info!(
        user_id = user.id,
        course_id = course.id,
        provider = payments.provider.name(),
        "checkout started"
    );
    Ok(created)
}

/// The idempotency key of one purchase attempt: the same buyer, course, amount, coupon and
/// number of earlier purchases within the same ten minutes give the same key, so the provider
/// answers a repeated request with the session it already made.
fn attempt_key(
    user_id: i64,
    course: &course::Model,
    amount_cents: i64,
    coupon: Option<&str>,
    earlier: u64,
    now: DateTime<Utc>,
) -> String {
    let window = now.timestamp().div_euclid(SAME_ATTEMPT_SECS);
    let text = format!(
        "lectern-checkout:{user_id}:{}:{amount_cents}:{}:{}:{earlier}:{window}",
        course.id,
        course.currency,
        coupon.unwrap_or("")
    );
    hex::encode(Sha256::digest(text.as_bytes()))
}
