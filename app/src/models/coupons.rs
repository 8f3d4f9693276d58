//! Coupons as pages see them: the instructor's list and form, and the price a learner would
//! pay with a code.

use serde::{Deserialize, Serialize};

/// A coupon in its course's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouponRow {
    pub id: i64,
    pub code: String,
    /// "20% off" or "$5.00 off".
    pub discount: String,
    /// The price with the coupon, minor units.
    pub price_with_coupon_cents: i64,
    /// The last day it can be used (UTC), `YYYY-MM-DD`; `None` when it never expires.
    pub last_day: Option<String>,
    pub max_redemptions: Option<i64>,
    /// Purchases made with it (fulfilled; refunded ones included).
    pub redemptions: i64,
    /// "Active", "Expired" or "Used up".
    pub status: String,
}

/// A course's coupons for its instructor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouponList {
    pub course_id: i64,
    pub course_title: String,
    pub price_cents: i64,
    pub currency: String,
    /// Newest first.
    pub coupons: Vec<CouponRow>,
}

/// A coupon as the instructor typed it; checked on the server field by field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouponDraft {
    pub code: String,
    /// `percent` or `fixed`.
    pub kind: String,
    /// `20` (percent) or `5.00` (an amount in the course's currency).
    pub amount: String,
    /// `YYYY-MM-DD` or empty for no expiry.
    pub last_day: String,
    /// A whole number or empty for no limit.
    pub max_redemptions: String,
}

/// What a learner would pay for a course with a coupon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouponPreview {
    pub code: String,
    /// "20% off" or "$5.00 off".
    pub discount: String,
    pub price_cents: i64,
    pub discounted_cents: i64,
    pub currency: String,
}
