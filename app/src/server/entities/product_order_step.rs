//! One step of a product order's timeline: the status it reached, who moved it, when.
pub use crate::glossary::ProductOrderStatus;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_order_steps")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub product_order_id: i32,
    pub status: ProductOrderStatus,
    /// A person's e-mail, an API key's name, or `portico` (expiry).
    pub by_label: String,
    pub created_at: DateTimeUtc,
}
super::plain_entity!();
