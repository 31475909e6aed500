//! The access requests' wire types.
pub use crate::glossary::{AccessRequestKind, AccessRequestStatus};
use crate::i18n::LocalTime;
use serde::{Deserialize, Serialize};

/// Requests on one page of the operator's queue.
pub const PAGE_SIZE: usize = 20;
/// The longest "what do you want to build" (or a decline's message), in characters.
pub const MESSAGE_MAX: usize = 2000;

/// What the public request form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessRequestInput {
    /// `partner` or `join`.
    pub kind: String,
    /// The company's name, or the organization to join.
    pub organization_name: String,
    #[serde(default)]
    pub business_id_scheme: Option<String>,
    #[serde(default)]
    pub business_id: Option<String>,
    pub contact_name: String,
    pub email: String,
    #[serde(default)]
    pub message: String,
}

/// What a confirmation link is for, shown before the requester confirms it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessRequestPreview {
    pub kind: AccessRequestKind,
    pub organization_name: String,
    pub email: String,
}

/// An organization the operator may let a person join: one whose name resembles the one asked
/// for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinCandidate {
    pub id: i32,
    pub name: String,
    pub kind: crate::glossary::OrgKind,
}

/// One request in the operator's queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessRequestRow {
    pub id: i32,
    pub kind: AccessRequestKind,
    pub status: AccessRequestStatus,
    pub organization_name: String,
    /// "NO 923609016", when given.
    pub business_id: Option<String>,
    pub contact_name: String,
    pub email: String,
    pub message: String,
    /// When the address was confirmed (the request reached the queue).
    pub confirmed_at: Option<LocalTime>,
    pub decided_at: Option<LocalTime>,
    pub decided_by: Option<String>,
    pub decision_message: Option<String>,
    /// The organization created or joined, with the operator's page of it.
    pub organization: Option<(String, String)>,
    /// For a new request to join: the organizations it may mean (at most 20).
    pub candidates: Vec<JoinCandidate>,
}

/// A page of the operator's queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessQueuePage {
    pub rows: Vec<AccessRequestRow>,
    pub next_cursor: Option<String>,
    /// Requests waiting for a decision, whatever the page shows.
    pub waiting: u64,
    /// The operator's admins decide; other staff only read.
    pub can_decide: bool,
}
