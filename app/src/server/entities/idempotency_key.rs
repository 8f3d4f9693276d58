//! The kept answer to a REST request sent with an `Idempotency-Key`.
use sea_orm::entity::prelude::*;

/// A row of `idempotency_keys`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "idempotency_keys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    /// The client's key, unique per user.
    pub key: String,
    /// Lowercase hex SHA-256 of the method, path and body the key was first sent with.
    pub fingerprint: String,
    /// The kept answer's HTTP status; 0 while the first request is still running.
    pub status: i32,
    /// The kept answer's headers (`Location`, `ETag`), one `name: value` line each.
    pub headers: String,
    /// The kept answer's JSON body.
    pub body: String,
    pub created_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
