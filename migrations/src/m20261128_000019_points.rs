//! Points, streaks and leaderboards: a ledger of points earned (one row per learner and thing
//! that earns them, so replays add nothing), filled from existing progress; each learner's
//! choice to appear by name on leaderboards (off by default) and their time zone (for streaks).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Points {
    Table,
    Id,
    UserId,
    CourseId,
    Source,
    Amount,
    EarnedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    LeaderboardPublic,
    TimeZone,
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
                    .table(Points::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Points::Id))
                    .col(big_integer(Points::UserId))
                    .col(big_integer(Points::CourseId))
                    .col(string_len(Points::Source, 40))
                    .col(integer(Points::Amount))
                    .col(timestamp_with_time_zone(Points::EarnedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Points::Table, Points::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Points::Table, Points::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // What earns points earns them once per learner.
        manager
            .create_index(
                Index::create()
                    .name("idx_points_user_source")
                    .table(Points::Table)
                    .col(Points::UserId)
                    .col(Points::Source)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_points_course_earned")
                    .table(Points::Table)
                    .col(Points::CourseId)
                    .col(Points::EarnedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_points_earned")
                    .table(Points::Table)
                    .col(Points::EarnedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(boolean(Users::LeaderboardPublic).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(string_len(Users::TimeZone, 64).default("UTC"))
                    .to_owned(),
            )
            .await?;
        // Points for what learners did before points existed (the rules of
        // app::server::services::points: 10 a lesson, 20 a quiz's first pass). A lesson's
        // completed_at is device time; its row's updated_at is the server's.
        let db = manager.get_connection();
        db.execute_unprepared(
            "INSERT INTO points (user_id, course_id, source, amount, earned_at) \
             SELECT user_id, course_id, 'lesson:' || lesson_id, 10, updated_at \
             FROM lesson_progress WHERE completed_at IS NOT NULL",
        )
        .await?;
        db.execute_unprepared(
            "INSERT INTO points (user_id, course_id, source, amount, earned_at) \
             SELECT user_id, course_id, 'quiz:' || lesson_id, 20, MIN(submitted_at) \
             FROM quiz_attempts WHERE passed = TRUE AND submitted_at IS NOT NULL \
             GROUP BY user_id, course_id, lesson_id",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Users::TimeZone, Users::LeaderboardPublic] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(Points::Table).to_owned())
            .await
    }
}
