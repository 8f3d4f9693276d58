//! A learner's attempt at a quiz: in progress until `submitted_at` is set.
use sea_orm::entity::prelude::*;

/// A row of `quiz_attempts`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub quiz_id: i64,
    pub lesson_id: i64,
    pub course_id: i64,
    pub user_id: i64,
    /// 1-based, per learner and quiz.
    pub number: i32,
    /// The random seed the selection and layout were drawn with (kept for audit).
    pub seed: i64,
    pub started_at: DateTimeUtc,
    /// When answers stop being accepted (time limit or the quiz's close), if ever.
    pub deadline_at: Option<DateTimeUtc>,
    pub submitted_at: Option<DateTimeUtc>,
    /// Submitted by the server when the deadline passed.
    pub auto_submitted: bool,
    pub score: Option<f64>,
    pub max_score: f64,
    pub percent: Option<f64>,
    pub passed: Option<bool>,
    /// Seconds after `deadline_at` during which answers saved in the browser before it are
    /// still accepted (the quiz's setting when the attempt started); the attempt closes after.
    pub grace_seconds: i32,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
