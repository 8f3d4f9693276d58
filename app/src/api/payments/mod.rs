//! Payments: buying a paid course (Stripe Checkout, or the local demo checkout), the success
//! page's confirmation, a learner's purchases and receipts, and admin refunds. The price always
//! comes from the database; fulfilment happens in the webhook and in `confirm_checkout`, both
//! through the same idempotent code (`services::payments::fulfil`).

mod confirm_checkout;
mod coupons;
mod get_demo_checkout;
mod get_receipt;
mod list_all_purchases;
mod list_purchases;
mod pay_demo_checkout;
mod preview_coupon;
mod refund_purchase;
mod start_checkout;

pub use confirm_checkout::*;
pub use coupons::*;
pub use get_demo_checkout::*;
pub use get_receipt::*;
pub use list_all_purchases::*;
pub use list_purchases::*;
pub use pay_demo_checkout::*;
pub use preview_coupon::*;
pub use refund_purchase::*;
pub use start_checkout::*;

/// A checkout session id as a client may send it: 1 to 255 letters, digits and `_`.
#[cfg(feature = "ssr")]
pub(crate) fn session_id(value: &str) -> Result<&str, crate::error::AppError> {
    let value = value.trim();
    if value.is_empty()
        || value.len() > 255
        || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err(crate::error::AppError::NotFound);
    }
    Ok(value)
}
