//! Coupons at checkout: what a code takes off the price, the claim a checkout holds on a
//! limited coupon while the learner pays, and the redemption counted when the purchase is made.
//!
//! A limited coupon must never be used more often than its limit, even when many learners
//! start paying at once. Each checkout with a coupon first *claims* a place: inside one
//! transaction that locks the coupon's row, live claims (redeemed ones, and unredeemed ones
//! still inside their checkout's lifetime) are counted against the limit. The claim becomes a
//! redemption when the purchase is fulfilled; a checkout left unpaid frees its place when
//! its lifetime ends. A learner holds one claim per coupon however often they start again.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

use crate::error::AppError;
use crate::models::{format_price, CouponPreview};
use crate::server::entities::{checkout, coupon, coupon_redemption, course};

/// How long a Checkout Session can be paid (Stripe's shortest lifetime; the demo checkout
/// keeps the same rule).
pub const CHECKOUT_LIFETIME_MINUTES: i64 = 30;
/// How long a claim outlives its checkout, so a payment finishing on the last second still
/// finds its place held.
const CLAIM_MARGIN_MINUTES: i64 = 5;
/// The smallest amount a card payment can be: coupons may not take a price below it.
pub const MIN_CHARGE_CENTS: i64 = 50;

/// The form field coupon errors belong to.
pub const FIELD: &str = "coupon";
/// No such code for the course.
pub const UNKNOWN: &str = "There is no coupon with this code for this course.";
/// Past its last day.
pub const EXPIRED: &str = "This coupon has expired.";
/// Every redemption is taken (or held by someone paying now).
pub const USED_UP: &str = "This coupon has been used up.";

/// A code as typed, in the form it is stored: trimmed and upper case.
pub fn normalise_code(raw: &str) -> String {
    raw.trim().to_uppercase()
}

/// The price of `price_cents` with `coupon` applied (never below zero).
pub fn discounted(price_cents: i64, coupon: &coupon::Model) -> i64 {
    let off = if coupon.kind == coupon::KIND_PERCENT {
        (price_cents * coupon.amount + 50) / 100
    } else {
        coupon.amount
    };
    (price_cents - off).max(0)
}

/// "20% off" or "$5.00 off".
pub fn discount_label(coupon: &coupon::Model, currency: &str) -> String {
    if coupon.kind == coupon::KIND_PERCENT {
        format!("{}% off", coupon.amount)
    } else {
        format!("{} off", format_price(coupon.amount, currency))
    }
}

/// Whether `coupon` has passed its last moment at `now`.
pub fn is_expired(coupon: &coupon::Model, now: DateTime<Utc>) -> bool {
    coupon.expires_at.is_some_and(|at| at <= now)
}

/// The claims that hold a place under `coupon_id`'s limit at `now`: redeemed ones and
/// unredeemed ones not yet lapsed. `except_user` leaves out that learner's own.
fn live_claims(coupon_id: i64, now: DateTime<Utc>, except_user: Option<i64>) -> Condition {
    let mut live = Condition::all()
        .add(coupon_redemption::Column::CouponId.eq(coupon_id))
        .add(
            Condition::any()
                .add(coupon_redemption::Column::RedeemedAt.is_not_null())
                .add(coupon_redemption::Column::ReservedUntil.gt(now)),
        );
    if let Some(user_id) = except_user {
        live = live.add(coupon_redemption::Column::UserId.ne(user_id));
    }
    live
}

/// Coupon `code` of `course` if `user_id` could use it at `now`, else the field error saying
/// why (unknown, expired, used up, or taking the price below the smallest charge).
async fn usable(
    db: &impl ConnectionTrait,
    course: &course::Model,
    code: &str,
    user_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<coupon::Model, AppError> {
    let found = coupon::Entity::find()
        .filter(coupon::Column::CourseId.eq(course.id))
        .filter(coupon::Column::Code.eq(normalise_code(code)))
        .one(db)
        .await?
        .ok_or_else(|| AppError::field(FIELD, UNKNOWN))?;
    if is_expired(&found, now) {
        return Err(AppError::field(FIELD, EXPIRED));
    }
    if let Some(max) = found.max_redemptions {
        let taken = coupon_redemption::Entity::find()
            .filter(live_claims(found.id, now, user_id))
            .count(db)
            .await?;
        if i64::try_from(taken).unwrap_or(i64::MAX) >= max {
            return Err(AppError::field(FIELD, USED_UP));
        }
    }
    if discounted(course.price_cents, &found) < MIN_CHARGE_CENTS {
        return Err(AppError::field(
            FIELD,
            "This coupon cannot be used: it leaves less than the smallest amount a card can pay.",
        ));
    }
    Ok(found)
}

/// What the published paid course `slug` would cost with `code` (nothing is held).
pub async fn preview(
    db: &DatabaseConnection,
    slug: &str,
    code: &str,
    user_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<CouponPreview, AppError> {
    let course = crate::server::services::courses::published(db, slug).await?;
    if course.price_cents <= 0 {
        return Err(AppError::field(
            FIELD,
            "This course is free: no coupon is needed.",
        ));
    }
    let found = usable(db, &course, code, user_id, now).await?;
    Ok(CouponPreview {
        code: found.code.clone(),
        discount: discount_label(&found, &course.currency),
        price_cents: course.price_cents,
        discounted_cents: discounted(course.price_cents, &found),
        currency: course.currency.clone(),
    })
}

/// Claims a place under coupon `code` of `course` for `user_id`, for a checkout started at
/// `now`, and returns the coupon. Claims are serialised per coupon by locking its row, so the
/// last place of a limited coupon goes to one learner only.
pub async fn claim(
    db: &DatabaseConnection,
    course: &course::Model,
    code: &str,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<coupon::Model, AppError> {
    let code = normalise_code(code);
    let txn = db.begin().await?;
    // The write takes the row lock (Postgres) or the database's write lock (SQLite) before
    // anything is counted; a second claim waits here until the first commits.
    let locked = coupon::Entity::update_many()
        .col_expr(coupon::Column::UpdatedAt, Expr::value(now))
        .filter(coupon::Column::CourseId.eq(course.id))
        .filter(coupon::Column::Code.eq(&code))
        .exec(&txn)
        .await?
        .rows_affected;
    if locked == 0 {
        return Err(AppError::field(FIELD, UNKNOWN));
    }
    let found = usable(&txn, course, &code, Some(user_id), now).await?;
    let until = now + Duration::minutes(CHECKOUT_LIFETIME_MINUTES + CLAIM_MARGIN_MINUTES);
    let own = coupon_redemption::Entity::find()
        .filter(coupon_redemption::Column::CouponId.eq(found.id))
        .filter(coupon_redemption::Column::UserId.eq(user_id))
        .filter(coupon_redemption::Column::RedeemedAt.is_null())
        .one(&txn)
        .await?;
    match own {
        Some(own) => {
            let mut own: coupon_redemption::ActiveModel = own.into();
            own.reserved_until = Set(until);
            own.update(&txn).await?;
        }
        None => {
            coupon_redemption::ActiveModel {
                coupon_id: Set(found.id),
                user_id: Set(user_id),
                reserved_until: Set(until),
                redeemed_at: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
    }
    txn.commit().await?;
    Ok(found)
}

/// Counts the redemption of `checkout`'s coupon (if it had one), inside the fulfilment
/// transaction that made its purchase: the buyer's claim becomes a redemption, or a
/// redemption is recorded when the claim has gone (the coupon was paid for all the same).
pub async fn redeem(
    txn: &impl ConnectionTrait,
    checkout: &checkout::Model,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let Some(code) = &checkout.coupon_code else {
        return Ok(());
    };
    let Some(found) = coupon::Entity::find()
        .filter(coupon::Column::CourseId.eq(checkout.course_id))
        .filter(coupon::Column::Code.eq(code))
        .one(txn)
        .await?
    else {
        return Ok(());
    };
    let claim = coupon_redemption::Entity::find()
        .filter(coupon_redemption::Column::CouponId.eq(found.id))
        .filter(coupon_redemption::Column::UserId.eq(checkout.user_id))
        .filter(coupon_redemption::Column::RedeemedAt.is_null())
        .order_by_desc(coupon_redemption::Column::ReservedUntil)
        .one(txn)
        .await?;
    match claim {
        Some(claim) => {
            let mut claim: coupon_redemption::ActiveModel = claim.into();
            claim.redeemed_at = Set(Some(now));
            claim.update(txn).await?;
        }
        None => {
            coupon_redemption::ActiveModel {
                coupon_id: Set(found.id),
                user_id: Set(checkout.user_id),
                reserved_until: Set(now),
                redeemed_at: Set(Some(now)),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
    }
    Ok(())
}
