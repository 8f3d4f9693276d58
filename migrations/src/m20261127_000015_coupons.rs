//! Coupons: codes an instructor gives out for a paid course (percent or fixed amount off,
//! optional expiry and redemption limit), and the redemptions that count against the limit.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Coupons {
    Table,
    Id,
    CourseId,
    Code,
    Kind,
    Amount,
    ExpiresAt,
    MaxRedemptions,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CouponRedemptions {
    Table,
    Id,
    CouponId,
    UserId,
    ReservedUntil,
    RedeemedAt,
    CreatedAt,
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
                    .table(Coupons::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Coupons::Id))
                    .col(big_integer(Coupons::CourseId))
                    .col(string_len(Coupons::Code, 40))
                    .col(string_len(Coupons::Kind, 16))
                    .col(big_integer(Coupons::Amount))
                    .col(timestamp_with_time_zone_null(Coupons::ExpiresAt))
                    .col(big_integer_null(Coupons::MaxRedemptions))
                    .col(timestamp_with_time_zone(Coupons::CreatedAt))
                    .col(timestamp_with_time_zone(Coupons::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Coupons::Table, Coupons::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_coupons_course_code")
                    .table(Coupons::Table)
                    .col(Coupons::CourseId)
                    .col(Coupons::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CouponRedemptions::Table)
                    .if_not_exists()
                    .col(big_pk_auto(CouponRedemptions::Id))
                    .col(big_integer(CouponRedemptions::CouponId))
                    .col(big_integer(CouponRedemptions::UserId))
                    .col(timestamp_with_time_zone(CouponRedemptions::ReservedUntil))
                    .col(timestamp_with_time_zone_null(CouponRedemptions::RedeemedAt))
                    .col(timestamp_with_time_zone(CouponRedemptions::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CouponRedemptions::Table, CouponRedemptions::CouponId)
                            .to(Coupons::Table, Coupons::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CouponRedemptions::Table, CouponRedemptions::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_coupon_redemptions_coupon_user")
                    .table(CouponRedemptions::Table)
                    .col(CouponRedemptions::CouponId)
                    .col(CouponRedemptions::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CouponRedemptions::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Coupons::Table).to_owned())
            .await
    }
}
