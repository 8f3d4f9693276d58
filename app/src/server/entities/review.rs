//! A learner's rating (and optional text) of a course, with the instructor's reply.
use sea_orm::entity::prelude::*;

/// A row of `reviews`; one per learner per course (a unique index).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub course_id: i64,
    pub user_id: i64,
    /// 1 to 5 stars.
    pub rating: i32,
    /// Plain text as typed (rendered escaped), 10 to 5,000 characters, or none.
    pub body: Option<String>,
    /// How far through the course the learner was when they last wrote it.
    pub progress_percent: i32,
    /// Whether they had completed the course then.
    pub completed: bool,
    /// Helpful votes (kept with the votes, in the same transaction).
    pub helpful_count: i64,
    /// Changed after it was first posted.
    pub edited: bool,
    /// Hidden by a moderator: not shown to others, not counted.
    pub hidden_at: Option<DateTimeUtc>,
    /// Why, shown to the author.
    pub hidden_reason: Option<String>,
    pub reply_body: Option<String>,
    pub reply_at: Option<DateTimeUtc>,
    pub reply_edited: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
