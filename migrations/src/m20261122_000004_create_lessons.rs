//! Lessons: the ordered items of a section (text, video or file).
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000002_create_courses::Courses;
use crate::m20261122_000003_create_sections::Sections;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Lessons {
    Table,
    Id,
    CourseId,
    SectionId,
    Slug,
    Position,
    Title,
    Kind,
    Body,
    DurationSeconds,
    FreePreview,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Lessons::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Lessons::Id))
                    .col(big_integer(Lessons::CourseId))
                    .col(big_integer(Lessons::SectionId))
                    .col(string_len(Lessons::Slug, 80))
                    .col(integer(Lessons::Position))
                    .col(string_len(Lessons::Title, 200))
                    .col(string_len(Lessons::Kind, 20).default("text"))
                    .col(text(Lessons::Body).default(""))
                    .col(integer(Lessons::DurationSeconds).default(0))
                    .col(boolean(Lessons::FreePreview).default(false))
                    .col(timestamp_with_time_zone_default_now(Lessons::CreatedAt))
                    .col(timestamp_with_time_zone_default_now(Lessons::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_lessons_course")
                            .from(Lessons::Table, Lessons::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_lessons_section")
                            .from(Lessons::Table, Lessons::SectionId)
                            .to(Sections::Table, Sections::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_lessons_course_slug")
                    .table(Lessons::Table)
                    .col(Lessons::CourseId)
                    .col(Lessons::Slug)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_lessons_section_position")
                    .table(Lessons::Table)
                    .col(Lessons::SectionId)
                    .col(Lessons::Position)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Lessons::Table).to_owned())
            .await
    }
}
