//! Pricing's wire types.
pub use crate::glossary::Market;
use serde::{Deserialize, Serialize};

/// The longest price package name.
pub const MAX_NAME: usize = 30;
/// The longest description (such as `2.99%`).
pub const MAX_DESCRIPTION: usize = 6;
/// The longest commission text (such as `30 %`).
pub const MAX_COMMISSION: usize = 20;
/// The most price packages Portico keeps (so that every list of them is bounded).
pub const MAX_PACKAGES: u64 = 500;

/// A partner, as the operator's forms name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRef {
    pub id: i32,
    pub name: String,
}

/// A price package as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricePackageDto {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub market: Market,
    /// Such as `30 %`; `None` when it pays no commission.
    pub commission: Option<String>,
    /// Whether customers see it in the sign-up form.
    pub visible_in_signup: bool,
    /// The partners it is offered to (only the operator reads these; empty for a partner).
    pub offered_to: Vec<PartnerRef>,
    /// How many active sales units have it (only the operator reads this; 0 for a partner).
    pub sales_units: u64,
}

/// The "Price packages" page: every package for the operator, those offered to it for a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricePackagesView {
    /// Whether the reader may create and edit packages (the operator's staff).
    pub can_manage: bool,
    pub packages: Vec<PricePackageDto>,
}

/// A price package's page, for the operator: the package and the partners it may be offered to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricePackageDetail {
    pub package: PricePackageDto,
    /// Active partners it is not yet offered to.
    pub other_partners: Vec<PartnerRef>,
    /// Whether the reader may change it (an operator admin).
    pub can_edit: bool,
}

/// What the operator typed into a price package form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricePackageInput {
    pub name: String,
    pub description: String,
    /// `NO`, `DK` or `FI`.
    pub market: String,
    /// May be empty.
    pub commission: String,
    pub visible_in_signup: bool,
}

/// A price package as a sales unit shows it: `Standard (2.99%)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageLabel {
    pub id: i32,
    pub name: String,
    pub description: String,
}

impl PackageLabel {
    /// The package's name and description, as lists show it.
    pub fn text(&self) -> String {
        format!("{} ({})", self.name, self.description)
    }
}

/// One of a customer's installations with its price package, on the operator's customer page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitPackage {
    /// The installation's row ID.
    pub installation: i32,
    pub installation_id: String,
    pub name: String,
    pub package: Option<PackageLabel>,
}

/// A customer's installations and the price packages they may have, for the operator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPackages {
    /// The market of the customer's business identifier; packages must be of it.
    pub market: Option<Market>,
    pub units: Vec<UnitPackage>,
    /// The packages its installations may have.
    pub choices: Vec<PackageLabel>,
    /// Whether the reader may change them (an operator admin).
    pub can_edit: bool,
}

pub use crate::glossary::{Currency, StatementSource};
use crate::i18n::LocalTime;
pub use crate::money::Money;

/// The most rows one commission statement may have.
pub const MAX_STATEMENT_ROWS: usize = 20_000;
/// Rows on one page of a commission month.
pub const COMMISSION_PAGE_SIZE: usize = 100;
/// The most months the commission page lists, newest first.
pub const MAX_MONTHS: u64 = 36;

/// One row of a commission statement as the platform or the operator sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionRowInput {
    pub installation_id: String,
    /// The price package's name that month (may be empty).
    #[serde(default)]
    pub price_package: String,
    /// The month's volume, in minor units (øre, cents).
    pub volume: i64,
    /// The commission owed, in minor units; negative for a correction.
    pub commission: i64,
    /// `NOK`, `DKK`, `EUR` or `SEK`.
    pub currency: String,
}

/// One month's statement, summed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionMonth {
    /// `YYYY-MM`.
    pub period: String,
    pub rows: u64,
    /// The volume per currency.
    pub volume: Vec<Money>,
    /// The commission per currency.
    pub commission: Vec<Money>,
    pub source: StatementSource,
    pub updated_at: LocalTime,
}

/// One sales unit's row of a month, as the partner reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionRowDto {
    pub installation_id: String,
    /// The sales unit's name, while it is active.
    pub sales_unit: Option<String>,
    pub price_package: String,
    pub volume: Money,
    pub commission: Money,
}

/// A month's page: its sums and one page of its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionMonthPage {
    pub month: CommissionMonth,
    pub rows: Vec<CommissionRowDto>,
    /// Where the next page starts, when there is one.
    pub next_cursor: Option<i32>,
}

/// A statement on the operator's commission page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementRef {
    pub partner: PartnerRef,
    pub month: CommissionMonth,
}

/// The operator's commission page: the latest statements, and whom one may be uploaded for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorCommission {
    pub statements: Vec<StatementRef>,
    pub partners: Vec<PartnerRef>,
    /// Whether the reader may upload (an operator admin).
    pub can_upload: bool,
}

/// The "Commission" page: a partner's months, or the operator's latest statements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CommissionView {
    Partner(Vec<CommissionMonth>),
    Operator(OperatorCommission),
}
