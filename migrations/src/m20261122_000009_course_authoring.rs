//! Authoring: course outcomes and requirements, lesson media and video links, a revision
//! counter for safe autosave, and the `media` table of uploaded files.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_users::Users;
use crate::m20261122_000002_create_courses::Courses;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Lessons {
    Table,
    VideoUrl,
    MediaId,
    Revision,
}

#[derive(DeriveIden)]
enum CourseExtras {
    Outcomes,
    Requirements,
    Revision,
}

#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
    CourseId,
    UploaderId,
    Kind,
    StorageKey,
    Filename,
    ContentType,
    SizeBytes,
    Status,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite allows one column per ALTER TABLE, so each addition is its own statement.
        for column in [
            text(CourseExtras::Outcomes).default("").to_owned(),
            text(CourseExtras::Requirements).default("").to_owned(),
            integer(CourseExtras::Revision).default(1).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Courses::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            string_len_null(Lessons::VideoUrl, 500).to_owned(),
            big_integer_null(Lessons::MediaId).to_owned(),
            integer(Lessons::Revision).default(1).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Lessons::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Media::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Media::Id))
                    .col(big_integer(Media::CourseId))
                    .col(big_integer(Media::UploaderId))
                    .col(string_len(Media::Kind, 20))
                    .col(string_len_uniq(Media::StorageKey, 300))
                    .col(string_len(Media::Filename, 200))
                    .col(string_len(Media::ContentType, 100))
                    .col(big_integer(Media::SizeBytes))
                    .col(string_len(Media::Status, 20).default("pending"))
                    .col(timestamp_with_time_zone_default_now(Media::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_media_course")
                            .from(Media::Table, Media::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_media_uploader")
                            .from(Media::Table, Media::UploaderId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_media_course")
                    .table(Media::Table)
                    .col(Media::CourseId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Media::Table).to_owned())
            .await?;
        for column in [Lessons::VideoUrl, Lessons::MediaId, Lessons::Revision] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Lessons::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            CourseExtras::Outcomes,
            CourseExtras::Requirements,
            CourseExtras::Revision,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Courses::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
