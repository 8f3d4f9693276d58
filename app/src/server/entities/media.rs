//! An uploaded file belonging to a course: a cover image, a lesson video or an attachment.
use sea_orm::entity::prelude::*;

/// A row of `media`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "media")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub course_id: i64,
    pub uploader_id: i64,
    /// `image`, `video` or `attachment`.
    pub kind: String,
    /// Where the bytes live in the storage backend.
    #[sea_orm(unique)]
    pub storage_key: String,
    /// The name the uploader gave the file (for downloads).
    pub filename: String,
    /// The type detected from the file's first bytes once the upload is finished.
    pub content_type: String,
    pub size_bytes: i64,
    /// `pending` until the upload is verified, then `ready`.
    pub status: String,
    pub created_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// An upload announced but not yet verified.
pub const STATUS_PENDING: &str = "pending";
/// A verified upload that may be attached and served.
pub const STATUS_READY: &str = "ready";
