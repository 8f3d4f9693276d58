//! A coupon for one paid course: a code, a discount, an optional expiry and redemption limit.
use sea_orm::entity::prelude::*;

/// A row of `coupons`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "coupons")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub course_id: i64,
    /// Upper case, unique within the course.
    pub code: String,
    /// [`KIND_PERCENT`] or [`KIND_FIXED`].
    pub kind: String,
    /// Percent off (1–99) or minor units off, by `kind`.
    pub amount: i64,
    /// Not valid from this time on.
    pub expires_at: Option<DateTimeUtc>,
    /// How many purchases may use it; `None` for no limit.
    pub max_redemptions: Option<i64>,
    pub created_at: DateTimeUtc,
    /// Touched when a checkout claims a redemption: the lock that serialises claims.
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A percentage off the price.
pub const KIND_PERCENT: &str = "percent";
/// A fixed amount off the price, in the course's currency.
pub const KIND_FIXED: &str = "fixed";
