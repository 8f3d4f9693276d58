//! Instructor applications: a learner asks to teach, an admin approves or rejects.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InstructorApplications {
    Table,
    Id,
    UserId,
    Motivation,
    Status,
    DecidedBy,
    DecidedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(InstructorApplications::Table)
                    .if_not_exists()
                    .col(big_pk_auto(InstructorApplications::Id))
                    .col(big_integer(InstructorApplications::UserId))
                    .col(text(InstructorApplications::Motivation))
                    .col(string_len(InstructorApplications::Status, 20).default("pending"))
                    .col(big_integer_null(InstructorApplications::DecidedBy))
                    .col(timestamp_with_time_zone_null(
                        InstructorApplications::DecidedAt,
                    ))
                    .col(timestamp_with_time_zone_default_now(
                        InstructorApplications::CreatedAt,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_instructor_applications_user")
                            .from(
                                InstructorApplications::Table,
                                InstructorApplications::UserId,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_instructor_applications_decided_by")
                            .from(
                                InstructorApplications::Table,
                                InstructorApplications::DecidedBy,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_instructor_applications_status")
                    .table(InstructorApplications::Table)
                    .col(InstructorApplications::Status)
                    .col(InstructorApplications::CreatedAt)
                    .to_owned(),
            )
            .await?;
        // At most one pending application per user, even under concurrent submissions. A partial
        // unique index; SQLite and Postgres share this syntax.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX IF NOT EXISTS idx_instructor_applications_one_pending \
                 ON instructor_applications (user_id) WHERE status = 'pending'",
            )
            .await
            .map(|_| ())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(InstructorApplications::Table)
                    .to_owned(),
            )
            .await
    }
}
