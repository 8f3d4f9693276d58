//! The quiz of a `quiz` lesson: its settings and items.
use sea_orm::entity::prelude::*;

/// A row of `quizzes`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quizzes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub lesson_id: i64,
    pub course_id: i64,
    /// JSON of `crate::models::QuizSettings`.
    pub settings: String,
    /// JSON of `Vec<crate::models::QuizItem>`.
    pub items: String,
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
