//! What the orders of one object let a product do (rule 12): an order integration product may
//! call an object-scoped function on an object while an order of it for that object on that
//! installation is open or accepted, or within the grace period after it completed.
use crate::error::AppError;
use crate::glossary::OrderStatus;
use crate::server::entities::order;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// How long the orders of an object let a product act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderWindow {
    /// An order is open or accepted.
    Live,
    /// The latest order completed at this time; the grace period counts from it.
    Completed(DateTime<Utc>),
}

impl OrderWindow {
    /// Whether the product may act on the object at `now`.
    pub fn allows(self, now: DateTime<Utc>, grace: chrono::Duration) -> bool {
        match self {
            Self::Live => true,
            Self::Completed(at) => now < at + grace,
        }
    }
}

/// The window the product's orders for this object on this installation (its row ID) give,
/// or `None` when no order gives one (none, or only declined and cancelled ones).
pub async fn window(
    db: &impl ConnectionTrait,
    installation: i32,
    product_id: i32,
    object_type: &str,
    object_id: &str,
) -> Result<Option<OrderWindow>, AppError> {
    let orders = order::Entity::find()
        .filter(order::Column::InstallationId.eq(installation))
        .filter(order::Column::ProductId.eq(product_id))
        .filter(order::Column::ObjectType.eq(object_type))
        .filter(order::Column::ObjectId.eq(object_id))
        .filter(order::Column::Status.is_in([
            OrderStatus::Open,
            OrderStatus::Accepted,
            OrderStatus::Completed,
        ]))
        .all(db)
        .await?;
    if orders.iter().any(|o| o.status.is_live()) {
        return Ok(Some(OrderWindow::Live));
    }
    // A completed order without its completion time is bad data: it gives nothing (rule 13).
    Ok(orders
        .iter()
        .filter_map(|o| o.completed_at)
        .max()
        .map(OrderWindow::Completed))
}
