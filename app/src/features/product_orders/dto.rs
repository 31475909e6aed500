//! Product orders' wire types (the portal's; the Partner API has its own in
//! `server/src/api_v1/partner/product_orders.rs`).
use crate::features::activations::dto::FunctionRef;
use crate::glossary::{OrgKind, ProductOrderStatus, ProductOrderType, TemplateStatus};
use crate::i18n::LocalTime;
use serde::{Deserialize, Serialize};

/// Orders a page lists at most.
pub const PAGE_SIZE: usize = 50;
/// How long a prefill link works.
pub const LINK_DAYS: i64 = 14;

/// One product order in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOrderRow {
    /// `po_...`
    pub id: String,
    pub order_type: ProductOrderType,
    pub status: ProductOrderStatus,
    pub product_id: i32,
    pub product_name: String,
    pub partner_name: String,
    /// The customer's name: its organization's, or the name it gave (empty until known).
    pub customer_name: String,
    /// Such as `business:NO:ORG 923609016`.
    pub business_identifier: String,
    pub sales_unit_name: String,
    /// The sales unit a completed order created or connected.
    pub installation_id: Option<String>,
    pub created_at: LocalTime,
    pub updated_at: LocalTime,
}

/// What a list asks for; empty fields mean "any".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOrderQuery {
    pub status: String,
    pub order_type: String,
    /// A business identifier (or its number), or part of the customer's or sales unit's name.
    pub q: String,
    /// Expired orders are left out unless asked for (or their status is the filter).
    pub include_expired: bool,
    pub cursor: String,
}

/// A price package a product order may have, as forms offer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageOption {
    pub id: i32,
    /// Such as `Standard (2.99%)`.
    pub label: String,
    /// `NO`, `DK` or `FI`.
    pub market: String,
}

/// A page of product orders, and what the page's forms need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOrdersPage {
    pub rows: Vec<ProductOrderRow>,
    pub next_cursor: Option<String>,
    /// Whose list: a partner's, a customer's or the operator's queue.
    pub viewer: OrgKind,
    /// A partner admin may prefill orders; an operator admin may decide.
    pub can_manage: bool,
    /// A partner's active products (the prefill form's choice).
    pub products: Vec<(i32, String)>,
    /// The price packages offered to the partner.
    pub packages: Vec<PackageOption>,
    /// The operator: whether orders of known, active customers are approved at once.
    pub auto_approve: bool,
}

/// One step of a product order's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOrderStep {
    pub status: ProductOrderStatus,
    pub by: String,
    pub at: LocalTime,
}

/// A product order's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOrderDetail {
    pub order: ProductOrderRow,
    pub viewer: OrgKind,
    pub note: String,
    pub contact_email: Option<String>,
    pub price_package: Option<String>,
    pub package_locked: bool,
    pub expires_at: Option<LocalTime>,
    /// The prefill or review link, for the partner while the customer may still use it.
    pub link: Option<String>,
    pub steps: Vec<ProductOrderStep>,
    /// Why the operator rejected it: shown to the operator only.
    pub rejection_reason: Option<String>,
    /// A partner admin may delete it (before it is submitted).
    pub can_delete: bool,
    /// An operator admin may approve or reject it (once submitted).
    pub can_decide: bool,
    /// For the operator's approval: the customer's installations it may connect instead of
    /// creating a sales unit (installation ID, name).
    pub connectable: Vec<(String, String)>,
    /// For the customer: the link to continue an order it has not submitted yet.
    pub continue_link: Option<String>,
    pub has_logo: bool,
}

/// Who the signed-in person may be for the order's business identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignUpCustomer {
    /// An organization with that business identifier, of which the person is an admin.
    Admin { org_id: i32, name: String },
    /// An organization with that business identifier, of which the person is a member only.
    Member { name: String },
    /// An organization with that business identifier the person is not in.
    Outsider,
    /// No organization has that business identifier yet: the person gives the company's name
    /// and the operator confirms it.
    New,
}

/// The customer's review of a product order (the link's page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignUpView {
    pub order_id: String,
    pub order_type: ProductOrderType,
    pub status: ProductOrderStatus,
    pub product_name: String,
    pub product_description: String,
    pub partner_name: String,
    /// What the product's active version may access, in plain words.
    pub functions: Vec<FunctionRef>,
    pub event_types: Vec<String>,
    pub business_identifier: String,
    pub customer: SignUpCustomer,
    /// The company name given so far (a customer new to Portico).
    pub customer_name: String,
    pub sales_unit_name: String,
    pub has_logo: bool,
    pub price_package: Option<i32>,
    pub package_locked: bool,
    /// The packages the customer may choose among (when not locked).
    pub packages: Vec<PackageOption>,
    pub note: String,
    pub expires_at: Option<LocalTime>,
    /// The organization whose "Product orders" shows the order once submitted.
    pub follow_org: Option<i32>,
}

/// One product order template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateRow {
    /// `pot_...`
    pub id: String,
    pub name: String,
    pub product_id: i32,
    pub product_name: String,
    pub price_package: Option<String>,
    pub status: TemplateStatus,
    /// The link any customer can start an order from.
    pub link: String,
    /// How many orders it started, and how many in each status.
    pub orders: u64,
    pub by_status: Vec<(ProductOrderStatus, u64)>,
    pub created_at: LocalTime,
}

/// The partner's templates page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplatesView {
    pub rows: Vec<TemplateRow>,
    pub can_manage: bool,
    pub products: Vec<(i32, String)>,
    pub packages: Vec<PackageOption>,
}

/// What a template's link shows a signed-in person before an order starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateStart {
    pub name: String,
    pub product_name: String,
    pub partner_name: String,
    pub active: bool,
    /// The customers the person administers that have a business identifier: (organization,
    /// name, business identifier).
    pub customers: Vec<(i32, String, String)>,
}
