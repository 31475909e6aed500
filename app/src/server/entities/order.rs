//! An order of an order integration product: a person started it from a sales object of an
//! installation (DESIGN.md, "Order").
pub use crate::glossary::OrderStatus;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The ID the platform, the partner and the customer see (`ord_...`).
    pub public_id: String,
    /// The installation's row ID.
    pub installation_id: i32,
    /// The order integration product (`products.id`).
    pub product_id: i32,
    /// The sales object's kind, such as `estate` (a catalog function's `object_type`).
    pub object_type: String,
    /// The sales object's ID in the platform.
    pub object_id: String,
    pub ordered_by_name: String,
    pub ordered_by_email: String,
    /// The platform's free data: a JSON object, passed on in `order.created`.
    pub data: String,
    pub status: OrderStatus,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When it became `completed`: the grace period counts from here.
    pub completed_at: Option<DateTimeUtc>,
}
super::plain_entity!();
