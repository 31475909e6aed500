//! The audit log's wire types.
use crate::i18n::LocalTime;
use serde::{Deserialize, Serialize};

/// Entries on one page of the audit log.
pub const PAGE_SIZE: usize = 50;

/// The audit log's filters, as the page's GET form sends them ("" is no filter).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    /// Part of the acting person's e-mail address (or `cli`, `portico`, `service:...`).
    #[serde(default)]
    pub person: String,
    /// The start of an action's code, such as `product.` or `legacy_grant.added`.
    #[serde(default)]
    pub action: String,
    /// Part of what it happened to, as written in the entry.
    #[serde(default)]
    pub object: String,
    /// The first and last day (`YYYY-MM-DD`, on the portal's wall clock), both included.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    /// Where the page starts (the `next_cursor` of the page before).
    #[serde(default)]
    pub cursor: String,
}

/// One entry: who, acting as which organization, what, to what, when, from where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: LocalTime,
    /// The acting person's e-mail address, or `cli`, `portico`, `service:<name>`.
    pub actor: String,
    pub acting_as: Option<String>,
    /// The organization the change was about, when another than the one acted as.
    pub about: Option<String>,
    /// The operator's page of that organization, for the operator's staff.
    pub about_link: Option<String>,
    /// The action's code (`product.created`).
    pub action: String,
    pub target: String,
    pub details: String,
    pub ip: Option<String>,
}

/// A page of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub organization_name: String,
    /// The operator's admins see every organization's entries.
    pub everything: bool,
    pub rows: Vec<AuditRow>,
    pub next_cursor: Option<String>,
}
