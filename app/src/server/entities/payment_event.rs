//! A payment provider event as received, by its id: a replay finds it and does nothing.
use sea_orm::entity::prelude::*;

/// A row of `payment_events`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_events")]
pub struct Model {
    /// The provider's event id (`evt_…`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The event type, e.g. `checkout.session.completed`.
    pub kind: String,
    pub received_at: DateTimeUtc,
    /// Set once it was acted on; a delivery that failed midway leaves it unset for the retry.
    pub processed_at: Option<DateTimeUtc>,
}

/// Relations are followed by explicit queries on foreign-key columns.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
