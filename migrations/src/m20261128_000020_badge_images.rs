//! Badge images may be uploads (`media:{id}`): the media route asks, for every file it serves,
//! whether a badge uses it, so the image column gets an index.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Badges {
    Table,
    Image,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_badges_image")
                    .table(Badges::Table)
                    .col(Badges::Image)
                    .if_not_exists()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_badges_image")
                    .table(Badges::Table)
                    .to_owned(),
            )
            .await
    }
}
