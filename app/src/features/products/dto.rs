//! The products' wire types.
use crate::features::catalog::dto::ApiFunctionDto;
pub use crate::glossary::{AccessMode, ProductKind, ProductStatus, VersionState};
use serde::{Deserialize, Serialize};

/// Chosen filter values per dimension key. A dimension that is absent (or has no values) does
/// not restrict the grant.
pub type GrantFilters = std::collections::BTreeMap<String, Vec<String>>;

/// A required function of a version, with its filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantDto {
    pub function_key: String,
    pub filters: GrantFilters,
}

/// A product in the partner's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductSummary {
    pub id: i32,
    pub name: String,
    pub kind: ProductKind,
    pub status: ProductStatus,
    pub active_version: Option<i32>,
    pub draft_version: Option<i32>,
    /// Installations with an active activation, on any version.
    pub installations: u64,
}

/// A product's own fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductDto {
    pub id: i32,
    pub name: String,
    pub kind: ProductKind,
    pub description: String,
    pub support_email: Option<String>,
    pub support_url: Option<String>,
    pub status: ProductStatus,
    pub access_mode: AccessMode,
    /// Whether a logo was uploaded (served at `/logos/{id}`).
    pub has_logo: bool,
}

/// One version of a product, with how many installations run it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionDto {
    pub number: i32,
    pub state: VersionState,
    pub note: Option<String>,
    pub installations: u64,
    pub functions: u64,
    pub activated_at: Option<crate::i18n::LocalTime>,
}

/// A required function as the product page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantView {
    pub key: String,
    pub name: String,
    pub area: String,
    /// "Estate status: sold, for_sale", one entry per restricted dimension.
    pub filters: Vec<String>,
}

/// An installation named in a product's access list (or on the suppliers page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstallationRef {
    pub installation_id: String,
    pub name: String,
    pub is_sandbox: bool,
}

/// Who runs a product version, for the partner's adoption view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdoptionRow {
    pub installation_id: String,
    pub installation_name: String,
    pub customer: String,
    pub version: i32,
    /// When the upgrade to the active version became available, if the installation is behind.
    pub upgrade_pending_since: Option<crate::i18n::LocalTime>,
    /// A link to the customer's upgrade panel, to send to the customer.
    pub link: String,
}

/// The product page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub product: ProductDto,
    pub versions: Vec<VersionDto>,
    /// The version "Change functions" works on (the draft, else the active one).
    pub current_version: i32,
    pub current_state: VersionState,
    pub grants: Vec<GrantView>,
    pub access: Vec<InstallationRef>,
    /// Whether the viewer is a partner admin (activate, retire).
    pub can_admin: bool,
    /// Which installations run which version (the adoption view).
    pub adoption: Vec<AdoptionRow>,
}

/// Everything the function picker needs, loaded once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickerData {
    pub product_id: i32,
    pub product_name: String,
    /// An order integration product calls object-scoped functions only for ordered objects.
    pub product_kind: crate::glossary::ProductKind,
    pub catalog: Vec<ApiFunctionDto>,
    pub version: i32,
    pub version_state: VersionState,
    /// Why the version cannot be changed, or `None` when it can.
    pub locked_reason: Option<String>,
    pub grants: Vec<GrantDto>,
}

/// One function's new state in a "Save changes".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantChange {
    pub function_key: String,
    pub required: bool,
    pub filters: GrantFilters,
}

/// What "Save changes" did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SaveReport {
    pub version: i32,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}

impl SaveReport {
    /// "Saved version 2: 2 added, 1 removed, 1 changed." (or "No changes."), in `lang`.
    pub fn summary(&self, lang: crate::i18n::Lang) -> String {
        let (added, removed, changed) = (self.added.len(), self.removed.len(), self.changed.len());
        let mut parts = Vec::new();
        if added > 0 {
            parts.push(crate::t!(lang, "save-added", count = added));
        }
        if removed > 0 {
            parts.push(crate::t!(lang, "save-removed", count = removed));
        }
        if changed > 0 {
            parts.push(crate::t!(lang, "save-changed", count = changed));
        }
        if parts.is_empty() {
            crate::t!(lang, "save-no-changes")
        } else {
            crate::t!(
                lang,
                "save-saved",
                version = self.version,
                changes = parts.join(", ")
            )
        }
    }
}

/// The answer to "New product": the product and any advice about its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedProduct {
    pub id: i32,
    pub warnings: Vec<String>,
}

/// One access key of a product, as its page lists it (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessKeyDto {
    pub id: i32,
    /// 1 or 2: "Access key 1", "Access key 2".
    pub slot: i32,
    pub created_at: crate::i18n::LocalTime,
    pub last_used_at: Option<crate::i18n::LocalTime>,
    pub revoked_at: Option<crate::i18n::LocalTime>,
}

/// A product's credentials: its client ID and its access keys, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialsDto {
    pub client_id: String,
    pub keys: Vec<AccessKeyDto>,
    pub can_manage: bool,
}

/// A just-created access key: the only time its secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccessKey {
    pub slot: i32,
    pub client_id: String,
    pub secret: String,
}
