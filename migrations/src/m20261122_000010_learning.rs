//! The learning journey: enrollments, the raw progress events learners' players send, and the
//! merged progress per learner and lesson.
//!
//! Unenrolling deletes the `enrollments` row only: `lesson_progress` and `progress_events` stay,
//! so enrolling again restores the learner's progress.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_users::Users;
use crate::m20261122_000002_create_courses::Courses;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Lessons {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    Id,
    UserId,
    CourseId,
    EnrolledAt,
    LastActivityAt,
    LastLessonId,
    CompletedAt,
}

#[derive(DeriveIden)]
enum ProgressEvents {
    Table,
    Id,
    EventId,
    UserId,
    CourseId,
    LessonId,
    Kind,
    PositionSeconds,
    DurationSeconds,
    ClientAt,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum LessonProgress {
    Table,
    Id,
    UserId,
    LessonId,
    CourseId,
    StartedAt,
    PositionSeconds,
    PositionClientAt,
    PositionEventId,
    FurthestSeconds,
    DurationSeconds,
    CompletedAt,
    UpdatedAt,
}

fn cascade(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Enrollments::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Enrollments::Id))
                    .col(big_integer(Enrollments::UserId))
                    .col(big_integer(Enrollments::CourseId))
                    .col(timestamp_with_time_zone_default_now(
                        Enrollments::EnrolledAt,
                    ))
                    .col(timestamp_with_time_zone_null(Enrollments::LastActivityAt))
                    .col(big_integer_null(Enrollments::LastLessonId))
                    .col(timestamp_with_time_zone_null(Enrollments::CompletedAt))
                    .foreign_key(&mut cascade(
                        "fk_enrollments_user",
                        (Enrollments::Table, Enrollments::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_enrollments_course",
                        (Enrollments::Table, Enrollments::CourseId),
                        (Courses::Table, Courses::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_enrollments_last_lesson")
                            .from(Enrollments::Table, Enrollments::LastLessonId)
                            .to(Lessons::Table, Lessons::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_enrollments_user_course")
                    .table(Enrollments::Table)
                    .col(Enrollments::UserId)
                    .col(Enrollments::CourseId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_enrollments_course")
                    .table(Enrollments::Table)
                    .col(Enrollments::CourseId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProgressEvents::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ProgressEvents::Id))
                    // The client's UUID in canonical text form (portable across both backends).
                    .col(string_len_uniq(ProgressEvents::EventId, 36))
                    .col(big_integer(ProgressEvents::UserId))
                    .col(big_integer(ProgressEvents::CourseId))
                    .col(big_integer(ProgressEvents::LessonId))
                    .col(string_len(ProgressEvents::Kind, 20))
                    .col(double_null(ProgressEvents::PositionSeconds))
                    .col(double_null(ProgressEvents::DurationSeconds))
                    .col(timestamp_with_time_zone(ProgressEvents::ClientAt))
                    .col(timestamp_with_time_zone_default_now(
                        ProgressEvents::ReceivedAt,
                    ))
                    .foreign_key(&mut cascade(
                        "fk_progress_events_user",
                        (ProgressEvents::Table, ProgressEvents::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_progress_events_course",
                        (ProgressEvents::Table, ProgressEvents::CourseId),
                        (Courses::Table, Courses::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_progress_events_lesson",
                        (ProgressEvents::Table, ProgressEvents::LessonId),
                        (Lessons::Table, Lessons::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_progress_events_user_lesson")
                    .table(ProgressEvents::Table)
                    .col(ProgressEvents::UserId)
                    .col(ProgressEvents::LessonId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(LessonProgress::Table)
                    .if_not_exists()
                    .col(big_pk_auto(LessonProgress::Id))
                    .col(big_integer(LessonProgress::UserId))
                    .col(big_integer(LessonProgress::LessonId))
                    .col(big_integer(LessonProgress::CourseId))
                    .col(timestamp_with_time_zone(LessonProgress::StartedAt))
                    .col(double(LessonProgress::PositionSeconds).default(0.0))
                    // Which event set the position: the latest client time, ties by event id.
                    .col(timestamp_with_time_zone_null(
                        LessonProgress::PositionClientAt,
                    ))
                    .col(string_len_null(LessonProgress::PositionEventId, 36))
                    .col(double(LessonProgress::FurthestSeconds).default(0.0))
                    .col(double_null(LessonProgress::DurationSeconds))
                    .col(timestamp_with_time_zone_null(LessonProgress::CompletedAt))
                    .col(timestamp_with_time_zone_default_now(
                        LessonProgress::UpdatedAt,
                    ))
                    .foreign_key(&mut cascade(
                        "fk_lesson_progress_user",
                        (LessonProgress::Table, LessonProgress::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_lesson_progress_lesson",
                        (LessonProgress::Table, LessonProgress::LessonId),
                        (Lessons::Table, Lessons::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_lesson_progress_course",
                        (LessonProgress::Table, LessonProgress::CourseId),
                        (Courses::Table, Courses::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_lesson_progress_user_lesson")
                    .table(LessonProgress::Table)
                    .col(LessonProgress::UserId)
                    .col(LessonProgress::LessonId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_lesson_progress_course_user")
                    .table(LessonProgress::Table)
                    .col(LessonProgress::CourseId)
                    .col(LessonProgress::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LessonProgress::Table.into_iden(),
            ProgressEvents::Table.into_iden(),
            Enrollments::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
