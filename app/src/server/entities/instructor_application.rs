//! A learner's request to become an instructor, decided by an admin.
use sea_orm::entity::prelude::*;

/// A row of `instructor_applications`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "instructor_applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    /// Why the applicant wants to teach, in their words.
    pub motivation: String,
    /// One of the `STATUS_*` constants.
    pub status: String,
    /// The admin who decided, once decided.
    pub decided_by: Option<i64>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Waiting for an admin.
pub const STATUS_PENDING: &str = "pending";
/// Accepted: the applicant became an instructor.
pub const STATUS_APPROVED: &str = "approved";
/// Declined by an admin; the applicant may apply again.
pub const STATUS_REJECTED: &str = "rejected";
/// Closed because the applicant deleted their account.
pub const STATUS_WITHDRAWN: &str = "withdrawn";
