//! A progress event as a learner's player sent it: kept for idempotency (its client-made id is
//! unique) and for analytics.
use sea_orm::entity::prelude::*;

/// A row of `progress_events`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "progress_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The client's UUID, lower-case hyphenated.
    #[sea_orm(unique)]
    pub event_id: String,
    pub user_id: i64,
    pub course_id: i64,
    pub lesson_id: i64,
    /// `started`, `position` or `completed`.
    pub kind: String,
    pub position_seconds: Option<f64>,
    pub duration_seconds: Option<f64>,
    /// When it happened on the client (validated, clamped).
    pub client_at: DateTimeUtc,
    pub received_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
