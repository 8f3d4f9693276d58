//! One learner's claim on a coupon: held while they pay, counted once their purchase is made.
use sea_orm::entity::prelude::*;

/// A row of `coupon_redemptions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "coupon_redemptions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub coupon_id: i64,
    pub user_id: i64,
    /// An unredeemed claim holds a place under the coupon's limit until this time (the
    /// checkout's own expiry, plus a margin).
    pub reserved_until: DateTimeUtc,
    /// Set when the purchase is fulfilled: from then on it counts as a redemption.
    pub redeemed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
