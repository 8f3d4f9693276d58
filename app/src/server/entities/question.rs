//! A question of a course's bank.
use sea_orm::entity::prelude::*;

/// A row of `questions`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "questions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub course_id: i64,
    /// The kind's slug (`single_choice`, …), for filtering without parsing `body`.
    pub kind: String,
    /// The stem as plain text, cut short: the question's name in lists.
    pub title: String,
    /// JSON array of lower-case tags.
    pub tags: String,
    /// JSON of `crate::quiz::Question` (answers included: never sent to learners).
    pub body: String,
    pub points: f64,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
