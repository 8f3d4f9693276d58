//! A learner's merged progress in one lesson (see `services::learning::merge`).
use sea_orm::entity::prelude::*;

/// A row of `lesson_progress`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "lesson_progress")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub lesson_id: i64,
    pub course_id: i64,
    /// The earliest client time of any event for this lesson.
    pub started_at: DateTimeUtc,
    pub position_seconds: f64,
    /// Client time of the event that set `position_seconds` (latest wins).
    pub position_client_at: Option<DateTimeUtc>,
    /// Id of that event (breaks ties between equal client times).
    pub position_event_id: Option<String>,
    pub furthest_seconds: f64,
    pub duration_seconds: Option<f64>,
    /// The earliest client time at which the lesson counted as completed; never unset.
    pub completed_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
