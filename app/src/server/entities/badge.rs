//! A badge an instructor awards in a course (or an admin site-wide), and the rule that earns it.
use sea_orm::entity::prelude::*;

/// A row of `badges`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "badges")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The course it belongs to; `None` for a site-wide badge.
    pub course_id: Option<i64>,
    pub name: String,
    pub description: String,
    /// What a learner did to earn it, in words (the credential's criteria narrative).
    pub criteria: String,
    /// One of the built-in images (`models::badges::BADGE_IMAGES`), or `media:{id}`: an image
    /// uploaded to the badge's course.
    pub image: String,
    /// One of `models::badges::Rule`'s keys.
    pub rule: String,
    /// The quiz lesson of a "quiz passed" rule.
    pub rule_lesson_id: Option<i64>,
    /// The rule's number: the lowest score in percent ("quiz passed"), or how many courses
    /// ("courses completed").
    pub rule_threshold: Option<i32>,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
