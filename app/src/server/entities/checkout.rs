//! A checkout Lectern started with the payment provider: who buys which course, at what price.
use sea_orm::entity::prelude::*;

/// A row of `checkouts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "checkouts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The provider's Checkout Session id (`cs_…`).
    #[sea_orm(unique)]
    pub provider_session_id: String,
    pub user_id: i64,
    pub course_id: i64,
    /// What the learner is asked to pay, from the database (never from the browser).
    pub amount_cents: i64,
    pub currency: String,
    pub coupon_code: Option<String>,
    pub created_at: DateTimeUtc,
    /// The demo provider's own state (no Stripe keys, demo on): the payment it made.
    pub demo_payment_intent: Option<String>,
    /// When the demo checkout was paid.
    pub demo_paid_at: Option<DateTimeUtc>,
    /// When the demo payment was refunded.
    pub demo_refunded_at: Option<DateTimeUtc>,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
