//! Orders' wire types (the portal's; the REST API has its own in `server/src/api_v1/orders.rs`).
use crate::glossary::{OrderParty, OrderStatus};
use crate::i18n::LocalTime;
use serde::{Deserialize, Serialize};

/// Orders a page shows at most.
pub const PAGE_SIZE: usize = 50;

/// One order in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRow {
    /// The public ID (`ord_...`).
    pub id: String,
    pub product_id: i32,
    pub product_name: String,
    pub partner_name: String,
    pub installation_id: String,
    pub installation_name: String,
    pub customer_name: String,
    pub object_type: String,
    pub object_id: String,
    pub ordered_by_name: String,
    pub ordered_by_email: String,
    pub status: OrderStatus,
    pub created_at: LocalTime,
    pub updated_at: LocalTime,
}

/// What a list asks for: filters (empty: any) and where the page starts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderQuery {
    /// `open`, `accepted`, ... or empty.
    pub status: String,
    /// A product's ID, or empty.
    pub product: String,
    /// The start of an object ID, or empty.
    pub object: String,
    /// The row after which the page starts (pages go from newest to oldest), or empty.
    pub cursor: String,
}

/// A page of orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrdersPage {
    pub rows: Vec<OrderRow>,
    /// Where the next (older) page starts, when there is one.
    pub next_cursor: Option<String>,
    /// The products a partner can filter by (a customer: the products with orders).
    pub products: Vec<(i32, String)>,
    /// Whose list it is.
    pub viewer: OrderParty,
}

/// One step of an order's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderStep {
    pub status: OrderStatus,
    pub message: String,
    pub by_party: OrderParty,
    /// A person's e-mail, a product's client ID or `platform`.
    pub by_label: String,
    pub at: LocalTime,
}

/// An order's page: the order, its data, its timeline, and what the viewer may do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetail {
    pub order: OrderRow,
    /// The platform's data, as indented JSON.
    pub data: String,
    /// Oldest first.
    pub steps: Vec<OrderStep>,
    pub viewer: OrderParty,
    /// The statuses the viewer may move the order to now.
    pub next: Vec<OrderStatus>,
}
