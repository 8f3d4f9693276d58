//! An ordered item of a section: text, video or file.
use sea_orm::entity::prelude::*;

/// A row of `lessons`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lessons")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub course_id: i64,
    pub section_id: i64,
    pub slug: String,
    pub position: i32,
    pub title: String,
    /// `text`, `video` or `file`.
    pub kind: String,
    /// Markdown, rendered and sanitized on the way out.
    pub body: String,
    pub duration_seconds: i32,
    pub free_preview: bool,
    /// An external video link (video lessons without an uploaded file).
    pub video_url: Option<String>,
    /// The uploaded video or attachment (`media.id`).
    pub media_id: Option<i64>,
    /// Bumped by every saved edit; an autosave names the revision it edited.
    pub revision: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
