//! Sections: the ordered chapters of a course.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000002_create_courses::Courses;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum Sections {
    Table,
    Id,
    CourseId,
    Position,
    Title,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Sections::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Sections::Id))
                    .col(big_integer(Sections::CourseId))
                    .col(integer(Sections::Position))
                    .col(string_len(Sections::Title, 200))
                    .col(timestamp_with_time_zone_default_now(Sections::CreatedAt))
                    .col(timestamp_with_time_zone_default_now(Sections::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_sections_course")
                            .from(Sections::Table, Sections::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sections_course_position")
                    .table(Sections::Table)
                    .col(Sections::CourseId)
                    .col(Sections::Position)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Sections::Table).to_owned())
            .await
    }
}
