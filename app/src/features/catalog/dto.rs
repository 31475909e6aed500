//! The catalog's wire types.
use serde::{Deserialize, Serialize};

/// One way a grant can be narrowed, e.g. "Only departments" or "Estate status".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterDimension {
    pub key: String,
    pub label: String,
    /// The values to choose from; empty for a free-text dimension.
    #[serde(default)]
    pub values: Vec<String>,
    /// Free text (such as department IDs) instead of a value list.
    #[serde(default)]
    pub free_text: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One operation of the platform API, from the operator's catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiFunctionDto {
    pub key: String,
    pub name: String,
    pub area: String,
    pub description: String,
    pub method: String,
    pub path: String,
    /// Event types a push subscription can receive; empty when push is not supported.
    pub push_event_types: Vec<String>,
    pub filters: Vec<FilterDimension>,
    /// The sales object (such as `estate`) the function acts on; `None`: installation-wide.
    #[serde(default)]
    pub object_type: Option<String>,
}

/// What the catalog import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl ImportReport {
    /// "Imported: 3 created, 1 updated, 0 unchanged.", in `lang`.
    pub fn summary(&self, lang: crate::i18n::Lang) -> String {
        crate::t!(
            lang,
            "catalog-imported",
            created = self.created,
            updated = self.updated,
            unchanged = self.unchanged,
        )
    }
}
