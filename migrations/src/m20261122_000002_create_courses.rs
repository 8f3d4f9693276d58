//! Courses: the catalogue entries, owned by one instructor.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum Courses {
    Table,
    Id,
    Slug,
    Title,
    Subtitle,
    Description,
    Category,
    Level,
    Language,
    PriceCents,
    Currency,
    CoverUrl,
    Status,
    Featured,
    InstructorId,
    PublishedAt,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Courses::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Courses::Id))
                    .col(string_len_uniq(Courses::Slug, 80))
                    .col(string_len(Courses::Title, 120))
                    .col(string_len(Courses::Subtitle, 200).default(""))
                    .col(text(Courses::Description).default(""))
                    .col(string_len(Courses::Category, 40))
                    .col(string_len(Courses::Level, 20))
                    .col(string_len(Courses::Language, 16).default("en"))
                    .col(big_integer(Courses::PriceCents).default(0))
                    .col(string_len(Courses::Currency, 3).default("USD"))
                    .col(string_len_null(Courses::CoverUrl, 500))
                    .col(string_len(Courses::Status, 20).default("draft"))
                    .col(boolean(Courses::Featured).default(false))
                    .col(big_integer(Courses::InstructorId))
                    .col(timestamp_with_time_zone_null(Courses::PublishedAt))
                    .col(timestamp_with_time_zone_default_now(Courses::CreatedAt))
                    .col(timestamp_with_time_zone_default_now(Courses::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_courses_instructor")
                            .from(Courses::Table, Courses::InstructorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_courses_status_category", Courses::Category),
            ("idx_courses_status_level", Courses::Level),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Courses::Table)
                        .col(Courses::Status)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_courses_instructor")
                    .table(Courses::Table)
                    .col(Courses::InstructorId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Courses::Table).to_owned())
            .await
    }
}
