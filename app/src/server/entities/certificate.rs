//! A course certificate: issued when a learner completes a course.
use sea_orm::entity::prelude::*;

/// A row of `certificates`; one per learner per course (a unique index).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "certificates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The certificate's public id (a UUID): its page is `/certificates/{public_id}`.
    pub public_id: String,
    pub user_id: i64,
    pub course_id: i64,
    /// Server time of issue (the course's completion was recorded by then).
    pub issued_at: DateTimeUtc,
    /// The learner's display name at issue.
    pub learner_name: String,
    /// The course's title and slug at issue.
    pub course_title: String,
    pub course_slug: String,
    /// The course's instructor's display name at issue.
    pub instructor_name: String,
    /// The storage key of the rendered PDF, once made (it is made at most once per key).
    pub pdf_key: Option<String>,
    pub revoked_at: Option<DateTimeUtc>,
    pub revoked_reason: Option<String>,
    pub revoked_by: Option<i64>,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
