//! The customer side's wire types.
use crate::features::products::dto::{InstallationRef, ProductKind};
use serde::{Deserialize, Serialize};

/// A function as a customer administrator sees it in a product's panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionRef {
    pub key: String,
    pub name: String,
    pub area: String,
    pub description: String,
    /// "Estate status: for_sale, sold", one per restricted dimension.
    pub filters: Vec<String>,
}

/// A filter that differs between two versions of a grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChange {
    pub function: String,
    /// The labelled values, before and after; empty when not restricted.
    pub before: String,
    pub after: String,
}

/// Exactly what an upgrade changes (rule 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionDiff {
    pub from: i32,
    pub to: i32,
    pub added: Vec<FunctionRef>,
    pub removed: Vec<FunctionRef>,
    pub filter_changes: Vec<FilterChange>,
    pub added_event_types: Vec<String>,
    /// The partner's note to customers on the new version.
    pub note: Option<String>,
}

impl VersionDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.filter_changes.is_empty()
            && self.added_event_types.is_empty()
    }
}

/// A product's state for one installation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum CardState {
    /// Activated, and a newer version is active.
    UpgradeAvailable {
        current: i32,
        latest: i32,
    },
    Active {
        version: i32,
    },
    /// Not activated here (or deactivated), and available to activate.
    Available {
        version: i32,
        deactivated: bool,
    },
}

impl CardState {
    /// Sort order on the suppliers page: upgradable first, then active, then available.
    pub fn rank(&self) -> u8 {
        match self {
            Self::UpgradeAvailable { .. } => 0,
            Self::Active { .. } => 1,
            Self::Available { .. } => 2,
        }
    }
    /// The badge text, in `lang`.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Self::UpgradeAvailable { latest, .. } => {
                crate::t!(lang, "card-upgrade-available", latest = *latest)
            }
            Self::Active { version } => crate::t!(lang, "card-active", version = *version),
            Self::Available {
                deactivated: true, ..
            } => crate::t!(lang, "card-deactivated"),
            Self::Available { .. } => crate::t!(lang, "card-available"),
        }
    }
}

/// One product card on the suppliers page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductCard {
    pub product_id: i32,
    pub name: String,
    pub partner: String,
    pub kind: ProductKind,
    pub has_logo: bool,
    pub state: CardState,
}

/// The suppliers page ("Leverandører") of one installation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuppliersPage {
    pub installations: Vec<InstallationRef>,
    /// The installation shown, `None` when the customer has none.
    pub installation: Option<InstallationRef>,
    pub cards: Vec<ProductCard>,
    pub can_act: bool,
}

/// One entry of a product's activation history on an installation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: crate::i18n::LocalTime,
    pub who: String,
    /// The audit action (`activation.activated`, `activation.upgraded`, ...).
    pub action: String,
    /// The version numbers the entry names, in order (activated 2; upgraded 1 → 2).
    pub versions: Vec<i32>,
    /// The audit log's own words, for an action the page has no words for.
    pub what: String,
}

impl HistoryEntry {
    /// What happened, in `lang`.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        match (self.action.as_str(), self.versions.as_slice()) {
            ("activation.activated", [v, ..]) => crate::t!(lang, "history-activated", version = *v),
            ("activation.upgraded", [from, to, ..]) => {
                crate::t!(lang, "history-upgraded", from = *from, to = *to)
            }
            ("activation.deactivated", _) => crate::t!(lang, "history-deactivated"),
            ("activation.kept", [current, offered, ..]) => {
                crate::t!(lang, "history-kept", current = *current, offered = *offered)
            }
            _ => self.what.clone(),
        }
    }
}

/// The side panel of a product card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductPanel {
    pub card: ProductCard,
    pub description: String,
    pub support_email: Option<String>,
    pub support_url: Option<String>,
    /// The version the panel describes: the installation's, or the one it would activate.
    pub version: i32,
    pub functions: Vec<FunctionRef>,
    pub event_types: Vec<String>,
    /// For an upgradable product: what the upgrade changes.
    pub upgrade: Option<VersionDiff>,
    pub history: Vec<HistoryEntry>,
    pub can_act: bool,
}
