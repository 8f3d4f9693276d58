//! A personal API token, stored only as the SHA-256 of its secret.
use sea_orm::entity::prelude::*;

/// A row of `api_tokens`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_tokens")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    /// The owner's label for the token.
    pub name: String,
    /// The first characters of the secret after `lct_`, shown so owners can tell tokens apart.
    pub prefix: String,
    /// Lowercase hex SHA-256 of the whole secret.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    /// What it may do on the REST API: comma-separated `models::ApiScope` keys.
    pub scopes: String,
    /// Set when the owner revoked it (or the account was deleted); revoked tokens never match.
    pub revoked_at: Option<DateTimeUtc>,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
