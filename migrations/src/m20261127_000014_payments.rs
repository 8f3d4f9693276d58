//! Payments: the checkouts Lectern starts, the purchases they become, and every payment
//! provider event received (so a replayed event does nothing), and disputes for admins.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Checkouts {
    Table,
    Id,
    ProviderSessionId,
    UserId,
    CourseId,
    AmountCents,
    Currency,
    CouponCode,
    CreatedAt,
    DemoPaymentIntent,
    DemoPaidAt,
    DemoRefundedAt,
}

#[derive(DeriveIden)]
enum Purchases {
    Table,
    Id,
    CheckoutId,
    UserId,
    CourseId,
    AmountCents,
    Currency,
    CouponCode,
    PaymentIntent,
    Status,
    PaidAt,
    RefundedAt,
    RefundReason,
}

#[derive(DeriveIden)]
enum PaymentDisputes {
    Table,
    Id,
    ProviderDisputeId,
    PaymentIntent,
    PurchaseId,
    AmountCents,
    Currency,
    Reason,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PaymentEvents {
    Table,
    Id,
    Kind,
    ReceivedAt,
    ProcessedAt,
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
                    .table(Checkouts::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Checkouts::Id))
                    .col(string_len_uniq(Checkouts::ProviderSessionId, 255))
                    .col(big_integer(Checkouts::UserId))
                    .col(big_integer(Checkouts::CourseId))
                    .col(big_integer(Checkouts::AmountCents))
                    .col(string_len(Checkouts::Currency, 3))
                    .col(string_len_null(Checkouts::CouponCode, 40))
                    .col(timestamp_with_time_zone(Checkouts::CreatedAt))
                    .col(string_len_null(Checkouts::DemoPaymentIntent, 255))
                    .col(timestamp_with_time_zone_null(Checkouts::DemoPaidAt))
                    .col(timestamp_with_time_zone_null(Checkouts::DemoRefundedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Checkouts::Table, Checkouts::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Checkouts::Table, Checkouts::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_checkouts_user_course")
                    .table(Checkouts::Table)
                    .col(Checkouts::UserId)
                    .col(Checkouts::CourseId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Purchases::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Purchases::Id))
                    // One purchase per checkout, however many times its events arrive.
                    .col(big_integer_uniq(Purchases::CheckoutId))
                    .col(big_integer(Purchases::UserId))
                    .col(big_integer(Purchases::CourseId))
                    .col(big_integer(Purchases::AmountCents))
                    .col(string_len(Purchases::Currency, 3))
                    .col(string_len_null(Purchases::CouponCode, 40))
                    .col(string_len_null(Purchases::PaymentIntent, 255))
                    .col(string_len(Purchases::Status, 16))
                    .col(timestamp_with_time_zone(Purchases::PaidAt))
                    .col(timestamp_with_time_zone_null(Purchases::RefundedAt))
                    .col(string_len_null(Purchases::RefundReason, 200))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Purchases::Table, Purchases::CheckoutId)
                            .to(Checkouts::Table, Checkouts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Purchases::Table, Purchases::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Purchases::Table, Purchases::CourseId)
                            .to(Courses::Table, Courses::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_purchases_user_course")
                    .table(Purchases::Table)
                    .col(Purchases::UserId)
                    .col(Purchases::CourseId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_purchases_payment_intent")
                    .table(Purchases::Table)
                    .col(Purchases::PaymentIntent)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PaymentEvents::Table)
                    .if_not_exists()
                    .col(string_len(PaymentEvents::Id, 255).primary_key())
                    .col(string_len(PaymentEvents::Kind, 100))
                    .col(timestamp_with_time_zone(PaymentEvents::ReceivedAt))
                    .col(timestamp_with_time_zone_null(PaymentEvents::ProcessedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PaymentDisputes::Table)
                    .if_not_exists()
                    .col(big_pk_auto(PaymentDisputes::Id))
                    .col(string_len_uniq(PaymentDisputes::ProviderDisputeId, 255))
                    .col(string_len_null(PaymentDisputes::PaymentIntent, 255))
                    .col(big_integer_null(PaymentDisputes::PurchaseId))
                    .col(big_integer(PaymentDisputes::AmountCents))
                    .col(string_len(PaymentDisputes::Currency, 3))
                    .col(string_len(PaymentDisputes::Reason, 100))
                    .col(string_len(PaymentDisputes::Status, 40))
                    .col(timestamp_with_time_zone(PaymentDisputes::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PaymentDisputes::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(PaymentEvents::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Purchases::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Checkouts::Table).to_owned())
            .await?;
        Ok(())
    }
}
