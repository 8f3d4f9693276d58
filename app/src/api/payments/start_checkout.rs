//! "Buy now": starts a checkout of a paid course and sends the browser to pay.
use leptos::prelude::*;

use crate::error::AppError;
use crate::models::CheckoutStart;

/// Starts a checkout of the published paid course `slug` for the signed-in learner, with
/// coupon `coupon` when given (a `coupon` field error when it cannot be used), and returns
/// the payment page (a plain form post is redirected there). The amount comes from the
/// database. `Conflict` for free courses, courses they own, and when no payment provider is
/// configured.
#[server]
pub async fn start_checkout(
    slug: String,
    coupon: Option<String>,
) -> Result<CheckoutStart, AppError> {
    use crate::server::{
        context,
        services::payments::{checkout, coupons},
    };
    if slug.len() > 200 {
        return Err(AppError::NotFound);
    }
    if coupon.as_ref().is_some_and(|c| c.len() > 40) {
        return Err(AppError::field(coupons::FIELD, coupons::UNKNOWN));
    }
    let user = match context::require_user().await {
        Ok(user) => user,
        Err(error) => {
            crate::api::account::redirect_form_post(&crate::next_path::sign_in_href(&format!(
                "/courses/{slug}"
            )));
            return Err(error);
        }
    };
    let state = context::app_state()?;
    let key = format!("checkout:user:{}", user.id);
    state
        .limiter
        .hit(&key, 30, std::time::Duration::from_secs(60 * 60))
        .await?;
    let created = checkout::start(
        &state.db,
        &state.payments,
        &state.settings.public_url,
        &user,
        &slug,
        coupon.as_deref(),
        chrono::Utc::now(),
    )
    .await?;
    crate::api::account::redirect_form_post(&created.url);
    Ok(CheckoutStart { url: created.url })
}
