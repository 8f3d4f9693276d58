//! A paid checkout: the learner owns the course until the payment is refunded.
use sea_orm::entity::prelude::*;

/// A row of `purchases`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "purchases")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The checkout it fulfils; unique, so a checkout becomes at most one purchase.
    #[sea_orm(unique)]
    pub checkout_id: i64,
    pub user_id: i64,
    pub course_id: i64,
    /// What was paid, in minor units of `currency`.
    pub amount_cents: i64,
    pub currency: String,
    pub coupon_code: Option<String>,
    /// The provider's payment (`pi_…`), which refunds name.
    pub payment_intent: Option<String>,
    /// [`STATUS_PAID`] or [`STATUS_REFUNDED`].
    pub status: String,
    pub paid_at: DateTimeUtc,
    pub refunded_at: Option<DateTimeUtc>,
    /// Why an admin refunded it (a refund made in Stripe's dashboard has none).
    pub refund_reason: Option<String>,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A purchase that gives access.
pub const STATUS_PAID: &str = "paid";
/// A purchase whose payment was refunded in full: access is gone, progress kept.
pub const STATUS_REFUNDED: &str = "refunded";
