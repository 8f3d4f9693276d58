//! A course's rating aggregate: recomputed from its visible reviews in the same transaction as
//! every review change, under the row's lock, so it never drifts from the reviews.
use sea_orm::entity::prelude::*;

/// A row of `course_ratings`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_ratings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub course_id: i64,
    /// Visible reviews.
    pub review_count: i64,
    /// Sum of their stars.
    pub rating_sum: i64,
    pub stars1: i64,
    pub stars2: i64,
    pub stars3: i64,
    pub stars4: i64,
    pub stars5: i64,
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
