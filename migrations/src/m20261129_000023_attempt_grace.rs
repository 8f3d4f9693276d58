//! A timed attempt keeps the quiz's network grace period (0–120 s) as it was when the attempt
//! started: answers saved in the browser before the deadline may still arrive that long after
//! it, and the attempt is closed only once it is over.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
    GraceSeconds,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(QuizAttempts::Table)
                    .add_column(
                        ColumnDef::new(QuizAttempts::GraceSeconds)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(QuizAttempts::Table)
                    .drop_column(QuizAttempts::GraceSeconds)
                    .to_owned(),
            )
            .await
    }
}
