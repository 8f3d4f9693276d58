//! A disputed payment (a chargeback), as the provider reported it; shown to admins.
use sea_orm::entity::prelude::*;

/// A row of `payment_disputes`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_disputes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The provider's dispute id (`dp_…`); unique, so a replayed event records it once.
    #[sea_orm(unique)]
    pub provider_dispute_id: String,
    pub payment_intent: Option<String>,
    /// The purchase paid by that payment, when Lectern knows it.
    pub purchase_id: Option<i64>,
    pub amount_cents: i64,
    pub currency: String,
    /// The card network's reason, e.g. `fraudulent`.
    pub reason: String,
    /// The provider's status, e.g. `needs_response`.
    pub status: String,
    pub created_at: DateTimeUtc,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
