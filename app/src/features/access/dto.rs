//! The access decisions' and legacy grants' wire types (the decisions are also the REST API's).
use crate::features::products::dto::GrantFilters;
use serde::{Deserialize, Serialize};

/// Why an access check answered as it did.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessReason {
    Granted,
    NotActivated,
    FunctionNotGranted,
    InstallationUnknown,
}

/// The answer to "may this credential call this function for this installation?".
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessDecision {
    pub allowed: bool,
    pub reason: AccessReason,
    pub product_id: i32,
    /// The version the installation has activated, when it has.
    pub version: Option<i32>,
    /// The grant's filters, when granted.
    pub filters: GrantFilters,
    /// Granted by a legacy grant (outside any product version) rather than by the version.
    pub legacy: bool,
}

/// A function a credential may call on an installation.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodDto {
    pub function: String,
    pub method: String,
    pub path: String,
    pub filters: GrantFilters,
    /// Granted by a legacy grant (outside any product version) rather than by the version.
    pub legacy: bool,
}

/// A legacy grant: a direct (installation, function) right of a partner outside any product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegacyGrantDto {
    pub id: i32,
    pub installation_id: String,
    pub customer_name: String,
    pub function: String,
    pub function_name: String,
    pub filters: GrantFilters,
    pub note: String,
    pub created_at: crate::i18n::LocalTime,
}
