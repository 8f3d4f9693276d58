//! Instructors' coupons: the list with redemption counts, creating one (checked field by
//! field) and ending one.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    sea_query::{Expr, ExprTrait},
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::coupons::{discount_label, discounted, is_expired, normalise_code, MIN_CHARGE_CENTS};
use crate::error::{AppError, FieldErrors};
use crate::models::{format_price, CouponDraft, CouponList, CouponRow};
use crate::server::entities::{coupon, coupon_redemption, course, user};
use crate::server::services::authoring::{editable_course, validate::price_cents};

/// The most redemptions a limit may allow.
const MAX_LIMIT: i64 = 1_000_000;

/// A draft checked against `course`: the coupon to insert, or every field's problem.
pub fn validate(
    draft: &CouponDraft,
    course: &course::Model,
    now: DateTime<Utc>,
) -> Result<coupon::ActiveModel, FieldErrors> {
    let mut errors = FieldErrors::new();
    let code = normalise_code(&draft.code);
    if !(3..=32).contains(&code.chars().count())
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        errors.insert(
            "code".into(),
            "Use 3 to 32 letters, digits, - or _ (no spaces).".into(),
        );
    }
    let kind = draft.kind.trim();
    let amount = match kind {
        coupon::KIND_PERCENT => match draft.amount.trim().trim_end_matches('%').parse::<i64>() {
            Ok(p) if (1..=99).contains(&p) => Some(p),
            _ => {
                errors.insert(
                    "amount".into(),
                    "Enter a whole percentage from 1 to 99.".into(),
                );
                None
            }
        },
        coupon::KIND_FIXED => match price_cents(&draft.amount) {
            Ok(cents) if cents > 0 => Some(cents),
            _ => {
                errors.insert(
                    "amount".into(),
                    format!("Enter an amount like 5.00 ({}).", course.currency),
                );
                None
            }
        },
        _ => {
            errors.insert("kind".into(), "Choose percent or a fixed amount.".into());
            None
        }
    };
    let probe = coupon::Model {
        id: 0,
        course_id: course.id,
        code: code.clone(),
        kind: kind.to_owned(),
        amount: amount.unwrap_or(0),
        expires_at: None,
        max_redemptions: None,
        created_at: now,
        updated_at: now,
    };
    if amount.is_some() && discounted(course.price_cents, &probe) < MIN_CHARGE_CENTS {
        errors.insert(
            "amount".into(),
            format!(
                "That leaves less than {} to pay, the smallest amount a card can be charged.",
                format_price(MIN_CHARGE_CENTS, &course.currency)
            ),
        );
    }
    let last_day = draft.last_day.trim();
    let expires_at = if last_day.is_empty() {
        None
    } else {
        match NaiveDate::parse_from_str(last_day, "%Y-%m-%d") {
            Ok(day) if day < now.date_naive() => {
                errors.insert("last_day".into(), "Choose today or a later day.".into());
                None
            }
            Ok(day) => day
                .succ_opt()
                .and_then(|next| next.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc()),
            Err(_) => {
                errors.insert("last_day".into(), "Enter a date like 2026-12-31.".into());
                None
            }
        }
    };
    let limit = draft.max_redemptions.trim();
    let max_redemptions = if limit.is_empty() {
        None
    } else {
        match limit.parse::<i64>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Some(n),
            _ => {
                errors.insert(
                    "max_redemptions".into(),
                    "Enter a whole number from 1 to 1000000, or leave it empty for no limit."
                        .into(),
                );
                None
            }
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(coupon::ActiveModel {
        course_id: Set(course.id),
        code: Set(code),
        kind: Set(kind.to_owned()),
        amount: Set(amount.unwrap_or(0)),
        expires_at: Set(expires_at),
        max_redemptions: Set(max_redemptions),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
}

/// `coupon` as its course's list shows it, given how often it was redeemed.
fn row(
    coupon: &coupon::Model,
    course: &course::Model,
    redemptions: i64,
    now: DateTime<Utc>,
) -> CouponRow {
    let used_up = coupon.max_redemptions.is_some_and(|max| redemptions >= max);
    let status = if is_expired(coupon, now) {
        "Expired"
    } else if used_up {
        "Used up"
    } else {
        "Active"
    };
    CouponRow {
        id: coupon.id,
        code: coupon.code.clone(),
        discount: discount_label(coupon, &course.currency),
        price_with_coupon_cents: discounted(course.price_cents, coupon),
        last_day: coupon
            .expires_at
            .map(|at| (at - Duration::seconds(1)).format("%Y-%m-%d").to_string()),
        max_redemptions: coupon.max_redemptions,
        redemptions,
        status: status.to_owned(),
    }
}

/// The coupons of `course_id` for its instructor or an admin.
pub async fn list(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    now: DateTime<Utc>,
) -> Result<CouponList, AppError> {
    let course = editable_course(db, user, course_id).await?;
    let coupons = coupon::Entity::find()
        .filter(coupon::Column::CourseId.eq(course.id))
        .order_by_desc(coupon::Column::Id)
        .limit(200)
        .all(db)
        .await?;
    let ids: Vec<i64> = coupons.iter().map(|c| c.id).collect();
    let counts: HashMap<i64, i64> = coupon_redemption::Entity::find()
        .select_only()
        .column(coupon_redemption::Column::CouponId)
        .column_as(Expr::col(coupon_redemption::Column::Id).count(), "n")
        .filter(coupon_redemption::Column::CouponId.is_in(ids))
        .filter(coupon_redemption::Column::RedeemedAt.is_not_null())
        .group_by(coupon_redemption::Column::CouponId)
        .into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(CouponList {
        course_id: course.id,
        course_title: course.title.clone(),
        price_cents: course.price_cents,
        currency: course.currency.clone(),
        coupons: coupons
            .iter()
            .map(|c| row(c, &course, counts.get(&c.id).copied().unwrap_or(0), now))
            .collect(),
    })
}

/// Creates a coupon for the paid course `course_id` (its instructor or an admin).
pub async fn create(
    db: &DatabaseConnection,
    user: &user::Model,
    course_id: i64,
    draft: &CouponDraft,
    now: DateTime<Utc>,
) -> Result<CouponRow, AppError> {
    let course = editable_course(db, user, course_id).await?;
    if course.price_cents <= 0 {
        return Err(AppError::Conflict(
            "Coupons are for paid courses: set a price first.".into(),
        ));
    }
    let new = validate(draft, &course, now).map_err(AppError::Validation)?;
    // A code already used in the course is refused by the unique index.
    let created = match new.insert(db).await {
        Ok(created) => created,
        Err(e) if crate::server::services::accounts::is_unique_violation(&e) => {
            return Err(AppError::field(
                "code",
                "This course already has a coupon with this code.",
            ))
        }
        Err(e) => return Err(e.into()),
    };
    tracing::info!(
        user_id = user.id,
        course_id = course.id,
        coupon_id = created.id,
        "coupon created"
    );
    Ok(row(&created, &course, 0, now))
}

/// Ends coupon `coupon_id` at `now` (its course's instructor or an admin); already ended
/// coupons stay as they were.
pub async fn end(
    db: &DatabaseConnection,
    user: &user::Model,
    coupon_id: i64,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let found = coupon::Entity::find_by_id(coupon_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    editable_course(db, user, found.course_id).await?;
    if is_expired(&found, now) {
        return Ok(());
    }
    let mut ended: coupon::ActiveModel = found.into();
    ended.expires_at = Set(Some(now));
    ended.updated_at = Set(now);
    ended.update(db).await?;
    tracing::info!(user_id = user.id, coupon_id, "coupon ended");
    Ok(())
}
