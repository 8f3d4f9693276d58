//! A badge awarded to a learner: an Open Badges 3.0 credential.
use sea_orm::entity::prelude::*;

/// A row of `badge_awards`; one per learner per badge (a unique index).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "badge_awards")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The credential's public id (a UUID): its URL is `/credentials/{public_id}`.
    pub public_id: String,
    pub badge_id: i64,
    pub user_id: i64,
    /// Server time when the rule became true; the credential's `validFrom`.
    pub awarded_at: DateTimeUtc,
    /// The badge as it was when awarded (JSON of `services::badges::Snapshot`): later edits of
    /// the badge never change an issued credential.
    pub achievement: String,
    /// The learner's display name when awarded (shown on the public page).
    pub learner_name: String,
    /// Hex salt of the recipient's hashed email.
    pub recipient_salt: String,
    /// `sha256$` and the hex SHA-256 of the email followed by the salt.
    pub recipient_hash: String,
    /// The signed VC-JWT, made the first time it is fetched and kept from then on.
    pub credential_jwt: Option<String>,
    pub revoked_at: Option<DateTimeUtc>,
    pub revoked_reason: Option<String>,
    pub revoked_by: Option<i64>,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
