//! Credentials on users: a password hash, a session version and a soft-delete marker.
//!
//! One `ALTER TABLE` per column because SQLite accepts a single change per statement.
use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Credentials {
    /// Argon2id PHC string; NULL for accounts that never set a password (seeded instructors).
    PasswordHash,
    /// Bumped on password change, reset and deletion so older sessions stop matching.
    AuthVersion,
    /// Set when the account was deleted and anonymised.
    DeletedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            text_null(Credentials::PasswordHash),
            integer(Credentials::AuthVersion).default(0).to_owned(),
            timestamp_with_time_zone_null(Credentials::DeletedAt),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            Credentials::DeletedAt,
            Credentials::AuthVersion,
            Credentials::PasswordHash,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Users::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
