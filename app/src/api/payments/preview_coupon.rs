//! The price of a paid course with a coupon, before paying.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CouponPreview;

/// Coupon attempts one address may make in [`PREVIEW_WINDOW_SECS`]: enough for typos, too
/// few to guess codes.
#[cfg(feature = "ssr")]
const PREVIEW_LIMIT: u32 = 40;
#[cfg(feature = "ssr")]
const PREVIEW_WINDOW_SECS: u64 = 600;

/// What the published paid course `slug` costs with coupon `code` (case does not matter).
/// Anyone may ask; nothing is held until "Buy now". A `coupon` field error says why a code
/// cannot be used (unknown, expired, used up); `NotFound` for unknown courses.
#[server]
pub async fn preview_coupon(slug: String, code: String) -> Result<CouponPreview, AppError> {
    use crate::server::{context, services::payments::coupons};
    if slug.len() > 200 {
        return Err(AppError::NotFound);
    }
    if code.trim().is_empty() || code.len() > 40 {
        return Err(AppError::field(coupons::FIELD, coupons::UNKNOWN));
    }
    let state = context::app_state()?;
    let ip = context::client_ip().await;
    state
        .limiter
        .hit(
            &format!("coupon:ip:{ip}"),
            PREVIEW_LIMIT,
            std::time::Duration::from_secs(PREVIEW_WINDOW_SECS),
        )
        .await?;
    let user_id = context::current_user().await?.map(|u| u.id);
    coupons::preview(&state.db, &slug, &code, user_id, chrono::Utc::now()).await
}
