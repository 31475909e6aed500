//! Orders' services: the platform creates them ([`create`]), the partner and the customer move
//! them ([`status`]), everyone reads what is theirs ([`list`], [`detail`]), and the access
//! decisions ask what an object's orders allow ([`window`]).
pub mod create;
pub mod detail;
pub mod list;
pub mod status;
pub mod window;

use crate::server::entities::order;

/// The `data` of an order's push events: what a partner's receiver needs to act on it.
pub fn event_data(o: &order::Model, installation_id: &str) -> serde_json::Value {
    serde_json::json!({
        "order_id": o.public_id,
        "product_id": o.product_id,
        "installation_id": installation_id,
        "object": {"type": o.object_type, "id": o.object_id},
        "ordered_by": {"name": o.ordered_by_name, "email": o.ordered_by_email},
        "status": o.status,
        "data": serde_json::from_str::<serde_json::Value>(&o.data).unwrap_or_default(),
    })
}
