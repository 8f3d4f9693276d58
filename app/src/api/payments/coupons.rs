//! Instructors give out coupons for their paid courses.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::{CouponList, CouponRow};

/// The coupons of course `course_id`, newest first, with how often each was redeemed. The
/// course's instructor and admins only.
#[server]
pub async fn list_coupons(course_id: i64) -> Result<CouponList, AppError> {
    use crate::server::{context, services::payments::coupon_admin};
    let (state, user) = context::require_instructor().await?;
    coupon_admin::list(&state.db, &user, course_id, chrono::Utc::now()).await
}

/// Creates a coupon for paid course `course_id`: `code` (3 to 32 letters, digits, `-`, `_`),
/// `kind` (`percent` or `fixed`), `amount` (`20` percent or `5.00` off), `last_day`
/// (`YYYY-MM-DD` or empty) and `max_redemptions` (a number or empty). Field errors name what
/// to fix, including a code already used in this course. The course's instructor and admins
/// only.
#[server]
pub async fn create_coupon(
    course_id: i64,
    code: String,
    kind: String,
    amount: String,
    last_day: String,
    max_redemptions: String,
) -> Result<CouponRow, AppError> {
    use crate::models::CouponDraft;
    use crate::server::{context, services::payments::coupon_admin};
    let (state, user) = context::require_instructor().await?;
    let draft = CouponDraft {
        code,
        kind,
        amount,
        last_day,
        max_redemptions,
    };
    if [
        &draft.code,
        &draft.kind,
        &draft.amount,
        &draft.last_day,
        &draft.max_redemptions,
    ]
    .iter()
    .any(|field| field.len() > 64)
    {
        return Err(AppError::TooLarge);
    }
    coupon_admin::create(&state.db, &user, course_id, &draft, chrono::Utc::now()).await
}

/// Ends coupon `coupon_id` now: it can no longer be used; purchases made with it stay. The
/// course's instructor and admins only.
#[server]
pub async fn end_coupon(coupon_id: i64) -> Result<(), AppError> {
    use crate::server::{context, services::payments::coupon_admin};
    let (state, user) = context::require_instructor().await?;
    coupon_admin::end(&state.db, &user, coupon_id, chrono::Utc::now()).await
}
