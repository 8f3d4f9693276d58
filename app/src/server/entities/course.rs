//! A course in the catalogue.
use sea_orm::entity::prelude::*;

/// A row of `courses`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "courses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    pub subtitle: String,
    /// Markdown, rendered and sanitized on the way out.
    pub description: String,
    pub category: String,
    pub level: String,
    pub language: String,
    /// Price in minor units of `currency`; 0 means free.
    pub price_cents: i64,
    pub currency: String,
    pub cover_url: Option<String>,
    /// `draft` or `published`.
    pub status: String,
    pub featured: bool,
    pub instructor_id: i64,
    pub published_at: Option<DateTimeUtc>,
    /// What learners will be able to do, one per line.
    pub outcomes: String,
    /// What learners need beforehand, one per line.
    pub requirements: String,
    /// Bumped by every saved edit; an autosave names the revision it edited (no lost updates).
    pub revision: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The status of a course visible in the catalogue.
pub const STATUS_PUBLISHED: &str = "published";
/// The status of a course still being authored.
pub const STATUS_DRAFT: &str = "draft";
