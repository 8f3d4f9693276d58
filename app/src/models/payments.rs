//! Payments as pages see them: where checkout goes, how a checkout ended, purchases, receipts.

use serde::{Deserialize, Serialize};

/// Where to send the browser to pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutStart {
    /// The provider's payment page (or the local demo checkout).
    pub url: String,
}

/// How a checkout stands, as the success page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckoutState {
    /// Not confirmed yet: the page waits and asks again.
    Pending,
    /// Paid and fulfilled: the learner is enrolled.
    Paid {
        /// The first lesson to open, when the course has one.
        lesson_href: Option<String>,
    },
    /// Paid, then refunded.
    Refunded,
}

/// A checkout and its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutStatus {
    /// The course bought.
    pub course_title: String,
    /// Its slug, for links back.
    pub course_slug: String,
    /// How it stands.
    pub state: CheckoutState,
}

/// The local demo checkout page's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoCheckout {
    /// The session id (the page's path).
    pub session_id: String,
    /// The course bought.
    pub course_title: String,
    /// Its slug.
    pub course_slug: String,
    /// What would be charged, minor units.
    pub amount_cents: i64,
    /// ISO currency code.
    pub currency: String,
    /// Already paid.
    pub paid: bool,
}

/// One purchase on `/account/purchases` and its receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseRow {
    /// The purchase id (its receipt's address).
    pub id: i64,
    /// The receipt number shown to people, e.g. `LCT-000042`.
    pub number: String,
    /// The course bought.
    pub course_title: String,
    /// Its slug.
    pub course_slug: String,
    /// What was paid, minor units.
    pub amount_cents: i64,
    /// ISO currency code.
    pub currency: String,
    /// The coupon used, if any.
    pub coupon_code: Option<String>,
    /// `paid` or `refunded`.
    pub status: String,
    /// When it was paid (RFC 3339, UTC).
    pub paid_at: String,
    /// When it was refunded (RFC 3339, UTC).
    pub refunded_at: Option<String>,
}

/// A printable receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// The purchase.
    pub purchase: PurchaseRow,
    /// The buyer's display name.
    pub buyer_name: String,
    /// The buyer's email.
    pub buyer_email: String,
    /// The provider's payment reference (`pi_…`).
    pub payment_reference: Option<String>,
}

/// The receipt number for purchase `id`.
pub fn receipt_number(id: i64) -> String {
    format!("LCT-{id:06}")
}

/// A purchase as admins see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminPurchaseRow {
    /// The purchase.
    pub purchase: PurchaseRow,
    /// The buyer's display name.
    pub buyer_name: String,
    /// The buyer's email.
    pub buyer_email: String,
    /// Why it was refunded, when an admin did it.
    pub refund_reason: Option<String>,
    /// Whether its payment is disputed.
    pub disputed: bool,
}

/// A disputed payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisputeRow {
    /// The provider's dispute id.
    pub dispute_id: String,
    /// The purchase concerned, when known.
    pub purchase_id: Option<i64>,
    /// Amount disputed, minor units.
    pub amount_cents: i64,
    /// ISO currency code.
    pub currency: String,
    /// The card network's reason.
    pub reason: String,
    /// The provider's status.
    pub status: String,
    /// When Lectern heard of it (RFC 3339).
    pub created_at: String,
}

/// One page of every purchase, newest first, and the disputes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminPurchasePage {
    /// This page's purchases.
    pub items: Vec<AdminPurchaseRow>,
    /// Page number, from 1.
    pub page: u64,
    /// Pages in all (at least 1).
    pub total_pages: u64,
    /// Purchases in all.
    pub total: u64,
    /// Every recorded dispute, newest first (at most 100).
    pub disputes: Vec<DisputeRow>,
}
