//! Test-only: a fresh in-memory SQLite database with the real schema.

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

/// A fresh, migrated in-memory SQLite database.
pub async fn db() -> DatabaseConnection {
    let mut options = ConnectOptions::new("sqlite::memory:");
    // One connection: every connection to `:memory:` would otherwise be a separate database.
    options.max_connections(1).sqlx_logging(false);
    let db = Database::connect(options).await.expect("in-memory sqlite");
    Migrator::up(&db, None).await.expect("migrations");
    db
}
