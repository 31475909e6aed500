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
    /// An order integration product's object-scoped function, and the installation has no
    /// open or accepted order of the product for the named object (nor one completed within
    /// the grace period).
    NoOrder,
    /// An order integration product's object-scoped function, and the check named no object
    /// of the function's type.
    ObjectRequired,
}

/// The sales object a call is about, such as estate 42.
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectRef {
    /// The object's kind, as the catalog names it (such as `estate`).
    #[serde(rename = "type")]
    #[cfg_attr(
        feature = "ssr",
        schema(
            pattern = "^[a-z][a-z0-9_]{0,31}$",
            min_length = 1,
            max_length = 32,
            example = "estate"
        )
    )]
    pub object_type: String,
    /// The object's ID in the platform.
    #[cfg_attr(
        feature = "ssr",
        schema(
            pattern = "^[A-Za-z0-9_.:-]{1,64}$",
            min_length = 1,
            max_length = 64,
            example = "42"
        )
    )]
    pub id: String,
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
    /// For an order integration product's object-scoped function: the kind of object the
    /// check must name (the call is allowed only for objects with an order).
    pub object_type: Option<String>,
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
    /// Set when the product may call it only for objects of this kind it has an order for
    /// (an order integration product's object-scoped function); `null`: installation-wide.
    pub object_type: Option<String>,
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
