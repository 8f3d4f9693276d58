//! A learner's enrollment in a course. Unenrolling deletes the row; progress stays.
use sea_orm::entity::prelude::*;

/// A row of `enrollments`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrollments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    pub course_id: i64,
    pub enrolled_at: DateTimeUtc,
    /// The client time of the learner's latest recorded progress in this course.
    pub last_activity_at: Option<DateTimeUtc>,
    /// The lesson of that latest progress ("continue where you left off").
    pub last_lesson_id: Option<i64>,
    /// When every lesson of the course was first complete; never unset.
    pub completed_at: Option<DateTimeUtc>,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
