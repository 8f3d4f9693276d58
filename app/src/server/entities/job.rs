//! A unit of background work waiting in the durable queue (see `services::jobs`).
use sea_orm::entity::prelude::*;

/// A row of `jobs`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jobs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// What to do (`mail`, …).
    pub kind: String,
    /// The job's input, JSON.
    pub payload: String,
    /// Not before this time.
    pub run_at: DateTimeUtc,
    /// Runs tried so far.
    pub attempts: i32,
    /// Runs after which it is given up (kept, with `failed_at`, for an operator to see).
    pub max_attempts: i32,
    /// A worker holds it until then; a crashed worker's job is picked up again afterwards.
    pub locked_until: Option<DateTimeUtc>,
    /// Why the last run failed.
    pub last_error: Option<String>,
    /// Set when it was given up.
    pub failed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
