//! Points a learner earned for one thing (a lesson completed, a quiz passed).
use sea_orm::entity::prelude::*;

/// A row of `points`; one per learner per source (a unique index), so replays add nothing.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "points")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub course_id: i64,
    /// What earned them: `lesson:{lesson id}` or `quiz:{lesson id}`.
    pub source: String,
    pub amount: i32,
    /// Server time of the completion or the first pass.
    pub earned_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
