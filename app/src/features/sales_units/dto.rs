//! The sales units' wire types.
pub use crate::glossary::HistoryKind;
use crate::i18n::LocalTime;
use serde::{Deserialize, Serialize};

/// Rows on one page of the sales units list.
pub const PAGE_SIZE: usize = 50;

/// The most rows a page may ask for (the Partner API's `limit`).
pub const MAX_PAGE_SIZE: usize = 100;

/// Filters the Partner API takes one by one (all must hold), beside the portal's one box.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesUnitFields {
    /// A part of the sales unit's name.
    pub name: Option<String>,
    /// The installation ID, exactly (in any case).
    pub installation_id: Option<String>,
    /// A part of the customer's name.
    pub customer: Option<String>,
    /// The customer's business identifier, exactly (`business:NO:ORG 923609016` or the number).
    pub business_identifier: Option<String>,
}

/// What the partner searched for on the sales units list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesUnitQuery {
    /// One box: a sales unit's name, installation ID, customer name or business identifier.
    pub q: String,
    /// Only sales units with this product.
    pub product_id: Option<i32>,
    /// Only sales units where an upgrade of one of the partner's products is pending.
    pub upgrade_pending: bool,
    /// Where the page starts (the `next_cursor` of the page before), "" for the first.
    pub cursor: String,
    /// The Partner API's filters, field by field.
    pub fields: SalesUnitFields,
    /// Rows a page holds ([`PAGE_SIZE`] unless asked; at most [`MAX_PAGE_SIZE`]).
    pub limit: Option<usize>,
}

impl SalesUnitQuery {
    /// Rows on this query's page.
    pub fn page_size(&self) -> usize {
        self.limit.map_or(PAGE_SIZE, |l| l.clamp(1, MAX_PAGE_SIZE))
    }
}

/// One of the partner's products on a sales unit, at the version it runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesUnitProduct {
    pub product_id: i32,
    pub name: String,
    pub version: i32,
    /// When the version it runs stopped being the newest, if it did: an upgrade is pending.
    pub upgrade_pending_since: Option<LocalTime>,
}

/// A sales unit on the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesUnitRow {
    pub installation_id: String,
    pub name: String,
    pub customer: String,
    /// Such as `business:NO:ORG 923609016`.
    pub business_identifier: Option<String>,
    /// Its price package, such as `Standard (2.99%)`.
    pub price_package: Option<String>,
    pub products: Vec<SalesUnitProduct>,
}

/// One page of the partner's sales units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesUnitPage {
    pub rows: Vec<SalesUnitRow>,
    /// The cursor of the next page, when there is one.
    pub next_cursor: Option<String>,
    /// The partner's products, for the product filter (ID, name).
    pub products: Vec<(i32, String)>,
}

/// One entry of a sales unit's history, as people read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Its place in the history (newer entries have larger IDs): the Partner API's cursor.
    pub id: i32,
    pub at: LocalTime,
    /// The person's e-mail (or `cli` / `system`).
    pub who: String,
    /// The organization they acted as.
    pub acting_as: Option<String>,
    pub kind: HistoryKind,
    /// The product it concerns, by name.
    pub product: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// A push subscription that reaches a sales unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionRef {
    pub id: String,
    pub product_id: i32,
    pub product: String,
    pub url: String,
    pub enabled: bool,
}

/// The sales unit page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesUnitDetail {
    pub unit: SalesUnitRow,
    pub subscriptions: Vec<SubscriptionRef>,
    pub history: Vec<HistoryEntry>,
    /// Whether the reader may change the name and logo (an admin).
    pub can_edit: bool,
    /// The logo's address, when it has one.
    pub logo_url: Option<String>,
}

/// The partner dashboard's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerFigures {
    /// The newest month of commission, when there is one.
    pub latest_commission: Option<crate::features::pricing::dto::CommissionMonth>,
    pub active_products: u64,
    pub draft_products: u64,
    pub sales_units: u64,
    pub upgrades_pending: u64,
    pub failing_subscriptions: u64,
}

/// A customer dashboard's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerFigures {
    pub installations: u64,
    /// Products active on at least one of its installations.
    pub products: u64,
    /// Installations where a product has a newer version to upgrade to.
    pub upgrades_available: u64,
}

/// The operator dashboard's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorFigures {
    pub partners: u64,
    pub customers: u64,
    pub sales_units: u64,
    pub price_packages: u64,
}

/// A dashboard's figures, by the kind of organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrgFigures {
    Partner(PartnerFigures),
    Customer(CustomerFigures),
    Operator(OperatorFigures),
}
