//! One step of an order's timeline: the status it moved to, who moved it and their message.
pub use crate::glossary::{OrderParty, OrderStatus};
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_updates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The order (`orders.id`).
    pub order_id: i32,
    pub status: OrderStatus,
    /// The partner's (or customer's) message to the other side; may be empty.
    pub message: String,
    pub by_party: OrderParty,
    /// Who: a person's e-mail, a product's client ID, or `platform`.
    pub by_label: String,
    pub created_at: DateTimeUtc,
}
super::plain_entity!();
