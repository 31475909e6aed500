//! A product order: a request to sign a customer (by business identifier) up for a partner's
//! product, which on completion creates or connects a sales unit (DESIGN.md, "Product order").
pub use crate::glossary::{ProductOrderStatus, ProductOrderType};
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_orders")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// What partners, customers and the API see (`po_...`).
    pub public_id: String,
    pub order_type: ProductOrderType,
    pub status: ProductOrderStatus,
    /// The partner the order names (`organizations.id`): only it sees the order.
    pub partner_id: i32,
    pub product_id: i32,
    pub price_package_id: Option<i32>,
    /// The partner chose the price package: the customer cannot change it.
    pub package_locked: bool,
    pub business_id_scheme: String,
    pub business_id: String,
    /// The company's name as the customer gave it (a customer new to Portico).
    pub customer_name: Option<String>,
    /// The customer organization, once known (at the start, or created at approval).
    pub customer_id: Option<i32>,
    /// The new sales unit's name (1–40 characters, the sales units' rule).
    pub sales_unit_name: String,
    pub contact_email: Option<String>,
    pub note: String,
    /// SHA-256 of the order's link token: the link finds the order, the database keeps no link.
    pub link_hash: Option<String>,
    /// The link token sealed under `PORTICO_SECRET_KEY`, so the partner can copy the link again.
    pub link_sealed: Option<String>,
    pub template_id: Option<i32>,
    /// The partner's `Idempotency-Key`, and a hash of the request it came with.
    pub idempotency_key: Option<String>,
    pub request_hash: Option<String>,
    /// Who started it: an e-mail, an API key's name.
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When a prefill link stops working (14 days after it was made).
    pub expires_at: Option<DateTimeUtc>,
    /// The person who submitted it (`users.id`).
    pub submitted_by: Option<i32>,
    pub submitted_at: Option<DateTimeUtc>,
    /// The sales unit a completed order created or connected.
    pub installation_id: Option<i32>,
    /// Why the operator rejected it: for the operator only (the partner sees the status).
    pub rejection_reason: Option<String>,
}
super::plain_entity!();
