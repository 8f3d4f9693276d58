//! Reviews: one rating (and optional text) per learner per course, helpful votes, reports for
//! moderation, and each course's rating aggregate, recomputed with every change.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Reviews {
    Table,
    Id,
    CourseId,
    UserId,
    Rating,
    Body,
    ProgressPercent,
    Completed,
    HelpfulCount,
    Edited,
    HiddenAt,
    HiddenReason,
    ReplyBody,
    ReplyAt,
    ReplyEdited,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ReviewVotes {
    Table,
    Id,
    ReviewId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReviewReports {
    Table,
    Id,
    ReviewId,
    UserId,
    Reason,
    CreatedAt,
    ResolvedAt,
    Resolution,
}

#[derive(DeriveIden)]
enum CourseRatings {
    Table,
    CourseId,
    ReviewCount,
    RatingSum,
    Stars1,
    Stars2,
    Stars3,
    Stars4,
    Stars5,
    UpdatedAt,
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
                    .table(Reviews::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Reviews::Id))
                    .col(big_integer(Reviews::CourseId))
                    .col(big_integer(Reviews::UserId))
                    .col(integer(Reviews::Rating))
                    .col(text_null(Reviews::Body))
                    .col(integer(Reviews::ProgressPercent))
                    .col(boolean(Reviews::Completed))
                    .col(big_integer(Reviews::HelpfulCount).default(0))
                    .col(boolean(Reviews::Edited).default(false))
                    .col(timestamp_with_time_zone_null(Reviews::HiddenAt))
                    .col(string_len_null(Reviews::HiddenReason, 500))
                    .col(text_null(Reviews::ReplyBody))
                    .col(timestamp_with_time_zone_null(Reviews::ReplyAt))
                    .col(boolean(Reviews::ReplyEdited).default(false))
                    .col(timestamp_with_time_zone(Reviews::CreatedAt))
                    .col(timestamp_with_time_zone(Reviews::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Reviews::Table, Reviews::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Reviews::Table, Reviews::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One review per learner per course: the second submit fails here whatever the timing.
        manager
            .create_index(
                Index::create()
                    .name("idx_reviews_course_user")
                    .table(Reviews::Table)
                    .col(Reviews::CourseId)
                    .col(Reviews::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_reviews_course_created")
                    .table(Reviews::Table)
                    .col(Reviews::CourseId)
                    .col(Reviews::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewVotes::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ReviewVotes::Id))
                    .col(big_integer(ReviewVotes::ReviewId))
                    .col(big_integer(ReviewVotes::UserId))
                    .col(timestamp_with_time_zone(ReviewVotes::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReviewVotes::Table, ReviewVotes::ReviewId)
                            .to(Reviews::Table, Reviews::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReviewVotes::Table, ReviewVotes::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One helpful vote per person per review.
        manager
            .create_index(
                Index::create()
                    .name("idx_review_votes_review_user")
                    .table(ReviewVotes::Table)
                    .col(ReviewVotes::ReviewId)
                    .col(ReviewVotes::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReviewReports::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ReviewReports::Id))
                    .col(big_integer(ReviewReports::ReviewId))
                    .col(big_integer(ReviewReports::UserId))
                    .col(string_len(ReviewReports::Reason, 500))
                    .col(timestamp_with_time_zone(ReviewReports::CreatedAt))
                    .col(timestamp_with_time_zone_null(ReviewReports::ResolvedAt))
                    .col(string_len_null(ReviewReports::Resolution, 500))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReviewReports::Table, ReviewReports::ReviewId)
                            .to(Reviews::Table, Reviews::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ReviewReports::Table, ReviewReports::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One report per person per review.
        manager
            .create_index(
                Index::create()
                    .name("idx_review_reports_review_user")
                    .table(ReviewReports::Table)
                    .col(ReviewReports::ReviewId)
                    .col(ReviewReports::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CourseRatings::Table)
                    .if_not_exists()
                    .col(big_integer(CourseRatings::CourseId).primary_key())
                    .col(big_integer(CourseRatings::ReviewCount).default(0))
                    .col(big_integer(CourseRatings::RatingSum).default(0))
                    .col(big_integer(CourseRatings::Stars1).default(0))
                    .col(big_integer(CourseRatings::Stars2).default(0))
                    .col(big_integer(CourseRatings::Stars3).default(0))
                    .col(big_integer(CourseRatings::Stars4).default(0))
                    .col(big_integer(CourseRatings::Stars5).default(0))
                    .col(timestamp_with_time_zone(CourseRatings::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CourseRatings::Table, CourseRatings::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CourseRatings::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ReviewReports::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(ReviewVotes::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Reviews::Table).to_owned())
            .await?;
        Ok(())
    }
}
