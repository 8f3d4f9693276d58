//! Badges: what an instructor (or an admin, site-wide) awards and on which rule, the awards as
//! Open Badges 3.0 credentials (signed when first fetched), and each learner's choice to keep
//! their credential pages public.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Badges {
    Table,
    Id,
    CourseId,
    Name,
    Description,
    Criteria,
    Image,
    Rule,
    RuleLessonId,
    RuleThreshold,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum BadgeAwards {
    Table,
    Id,
    PublicId,
    BadgeId,
    UserId,
    AwardedAt,
    Achievement,
    LearnerName,
    RecipientSalt,
    RecipientHash,
    CredentialJwt,
    RevokedAt,
    RevokedReason,
    RevokedBy,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    CredentialsPublic,
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
                    .table(Badges::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Badges::Id))
                    .col(big_integer_null(Badges::CourseId))
                    .col(string_len(Badges::Name, 100))
                    .col(string_len(Badges::Description, 500))
                    .col(string_len(Badges::Criteria, 1000))
                    .col(string_len(Badges::Image, 40))
                    .col(string_len(Badges::Rule, 40))
                    .col(big_integer_null(Badges::RuleLessonId))
                    .col(integer_null(Badges::RuleThreshold))
                    .col(big_integer_null(Badges::CreatedBy))
                    .col(timestamp_with_time_zone(Badges::CreatedAt))
                    .col(timestamp_with_time_zone(Badges::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Badges::Table, Badges::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Badges::Table, Badges::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_badges_course")
                    .table(Badges::Table)
                    .col(Badges::CourseId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BadgeAwards::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BadgeAwards::Id))
                    .col(string_len(BadgeAwards::PublicId, 36))
                    .col(big_integer(BadgeAwards::BadgeId))
                    .col(big_integer(BadgeAwards::UserId))
                    .col(timestamp_with_time_zone(BadgeAwards::AwardedAt))
                    .col(text(BadgeAwards::Achievement))
                    .col(string_len(BadgeAwards::LearnerName, 200))
                    .col(string_len(BadgeAwards::RecipientSalt, 64))
                    .col(string_len(BadgeAwards::RecipientHash, 80))
                    .col(text_null(BadgeAwards::CredentialJwt))
                    .col(timestamp_with_time_zone_null(BadgeAwards::RevokedAt))
                    .col(string_len_null(BadgeAwards::RevokedReason, 500))
                    .col(big_integer_null(BadgeAwards::RevokedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(BadgeAwards::Table, BadgeAwards::BadgeId)
                            .to(Badges::Table, Badges::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(BadgeAwards::Table, BadgeAwards::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One award per learner per badge, whatever the order or number of the events.
        manager
            .create_index(
                Index::create()
                    .name("idx_badge_awards_badge_user")
                    .table(BadgeAwards::Table)
                    .col(BadgeAwards::BadgeId)
                    .col(BadgeAwards::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_badge_awards_public_id")
                    .table(BadgeAwards::Table)
                    .col(BadgeAwards::PublicId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_badge_awards_user")
                    .table(BadgeAwards::Table)
                    .col(BadgeAwards::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(boolean(Users::CredentialsPublic).default(true))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(Users::CredentialsPublic)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(BadgeAwards::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Badges::Table).to_owned())
            .await
    }
}
