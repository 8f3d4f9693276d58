//! One question of an attempt: a snapshot of the question, its layout and the saved answer.
use sea_orm::entity::prelude::*;

/// A row of `attempt_questions`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "attempt_questions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub attempt_id: i64,
    /// 0-based position in the attempt.
    pub position: i32,
    /// The bank question it was taken from (unset if that was deleted).
    pub question_id: Option<i64>,
    /// JSON of `crate::quiz::Question` as it was when the attempt started.
    pub question: String,
    /// JSON of `crate::quiz::Presentation`.
    pub presentation: String,
    /// JSON of `crate::quiz::Response`, once answered.
    pub response: Option<String>,
    pub saved_at: Option<DateTimeUtc>,
    /// Checked under immediate feedback: the answer is locked.
    pub checked: bool,
    /// Points earned, once graded.
    pub score: Option<f64>,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
