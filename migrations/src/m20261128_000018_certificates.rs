//! Certificates: one per learner per completed course, with what it says frozen at issue (names
//! and titles may change later; a certificate never does), where its PDF is cached in storage,
//! and its revocation.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Certificates {
    Table,
    Id,
    PublicId,
    UserId,
    CourseId,
    IssuedAt,
    LearnerName,
    CourseTitle,
    CourseSlug,
    InstructorName,
    PdfKey,
    RevokedAt,
    RevokedReason,
    RevokedBy,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Certificates::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Certificates::Id))
                    .col(string_len(Certificates::PublicId, 36))
                    .col(big_integer(Certificates::UserId))
                    .col(big_integer(Certificates::CourseId))
                    .col(timestamp_with_time_zone(Certificates::IssuedAt))
                    .col(string_len(Certificates::LearnerName, 200))
                    .col(string_len(Certificates::CourseTitle, 300))
                    .col(string_len(Certificates::CourseSlug, 300))
                    .col(string_len(Certificates::InstructorName, 200))
                    .col(string_len_null(Certificates::PdfKey, 300))
                    .col(timestamp_with_time_zone_null(Certificates::RevokedAt))
                    .col(string_len_null(Certificates::RevokedReason, 500))
                    .col(big_integer_null(Certificates::RevokedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Certificates::Table, Certificates::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Certificates::Table, Certificates::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One certificate per learner per course, however often completion is recorded.
        manager
            .create_index(
                Index::create()
                    .name("idx_certificates_user_course")
                    .table(Certificates::Table)
                    .col(Certificates::UserId)
                    .col(Certificates::CourseId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_certificates_public_id")
                    .table(Certificates::Table)
                    .col(Certificates::PublicId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_certificates_course")
                    .table(Certificates::Table)
                    .col(Certificates::CourseId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Certificates::Table).to_owned())
            .await
    }
}
