//! Data that crosses the wire between server functions and the browser. Entities never do.
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What an organization is to the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Partner,
    Customer,
    Operator,
}

impl OrgKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Partner => "partner",
            Self::Customer => "customer",
            Self::Operator => "operator",
        }
    }
    /// The word people see.
    pub fn label(self) -> &'static str {
        match self {
            Self::Partner => "Partner",
            Self::Customer => "Customer",
            Self::Operator => "Operator",
        }
    }
}

impl FromStr for OrgKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "partner" => Ok(Self::Partner),
            "customer" => Ok(Self::Customer),
            "operator" => Ok(Self::Operator),
            _ => Err(()),
        }
    }
}

/// A member's role in an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Member,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Member => "member",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Admin => "Admin",
            Self::Member => "Member",
        }
    }
}

impl FromStr for Role {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "admin" => Ok(Self::Admin),
            "member" => Ok(Self::Member),
            _ => Err(()),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The deployment environment (`PORTICO_ENV`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Environment {
    Production,
    Test,
    Dev,
}

impl FromStr for Environment {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "production" => Ok(Self::Production),
            "test" => Ok(Self::Test),
            "dev" => Ok(Self::Dev),
            other => Err(format!(
                "PORTICO_ENV must be production, test or dev, not {other:?}"
            )),
        }
    }
}

/// One organization the signed-in user may act as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MembershipDto {
    pub organization_id: i32,
    pub organization_name: String,
    pub kind: OrgKind,
    pub role: Role,
    /// Unread notifications about this organization (the bell).
    pub unread: u64,
}

/// Who is signed in, whom they may act as, and the environment badge to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionDto {
    pub email: String,
    pub name: String,
    pub memberships: Vec<MembershipDto>,
    /// `None` in production, where no badge is shown.
    pub env_badge: Option<String>,
}

impl MemberDto {
    /// The "Last sign-in" column: a time, "Invitation pending" or "Never".
    pub fn last_sign_in_label(&self) -> String {
        match (&self.last_sign_in_at, self.invitation_pending) {
            (Some(t), _) => t.clone(),
            (None, true) => "Invitation pending".into(),
            (None, false) => "Never".into(),
        }
    }
}

impl SessionDto {
    /// The membership for an organization, if the user has one.
    pub fn membership(&self, organization_id: i32) -> Option<&MembershipDto> {
        self.memberships
            .iter()
            .find(|m| m.organization_id == organization_id)
    }
}

/// A member as listed on the Users page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberDto {
    pub user_id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    /// When the user last signed in (UTC), or `None` when never.
    pub last_sign_in_at: Option<String>,
    /// Invited to this organization and not yet accepted.
    pub invitation_pending: bool,
}

/// The Users page: the members and whether the viewer may change them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MembersPage {
    pub organization_name: String,
    pub can_manage: bool,
    pub members: Vec<MemberDto>,
}

/// An organization as the operator sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationDto {
    pub id: i32,
    pub kind: OrgKind,
    pub name: String,
    pub business_id_scheme: Option<String>,
    pub business_id: Option<String>,
    pub status: String,
    pub member_count: u64,
    pub installation_count: u64,
}

/// An installation (one customer environment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstallationDto {
    pub id: i32,
    pub installation_id: String,
    pub name: String,
    pub status: String,
    pub is_sandbox: bool,
}

/// The operator's view of one organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganizationDetail {
    pub organization: OrganizationDto,
    pub installations: Vec<InstallationDto>,
    pub admins: Vec<MemberDto>,
    /// A partner's legacy grants (empty for customers).
    pub legacy_grants: Vec<LegacyGrantDto>,
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
    pub created_at: String,
}

/// What the confirmation page of a sign-in or invitation link shows before its POST.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkPreview {
    pub email: String,
    /// Set for an invitation: the organization the user was invited to.
    pub organization_name: Option<String>,
}

/// An organization's dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgOverview {
    pub organization_id: i32,
    pub name: String,
    pub kind: OrgKind,
    pub role: Role,
    pub member_count: u64,
    /// A customer's installations.
    pub installations: Vec<InstallationDto>,
    /// For the operator: how many partners and customers are onboarded.
    pub partner_count: u64,
    pub customer_count: u64,
}

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
}

/// Chosen filter values per dimension key. A dimension that is absent (or has no values) does
/// not restrict the grant.
pub type GrantFilters = std::collections::BTreeMap<String, Vec<String>>;

/// A required function of a version, with its filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantDto {
    pub function_key: String,
    pub filters: GrantFilters,
}

/// What the catalog import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// A product's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductKind {
    OrderIntegration,
    Rights,
}

impl ProductKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OrderIntegration => "order_integration",
            Self::Rights => "rights",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::OrderIntegration => "Order integration product",
            Self::Rights => "Rights product",
        }
    }
    /// One sentence for the "New product" form.
    pub fn explanation(self) -> &'static str {
        match self {
            Self::OrderIntegration => "Customers order it from the platform, and it reads and writes their data through the functions it requires.",
            Self::Rights => "Only grants access to functions: for an integration the customer already uses outside the platform's order flow.",
        }
    }
}

impl FromStr for ProductKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "order_integration" => Ok(Self::OrderIntegration),
            "rights" => Ok(Self::Rights),
            _ => Err(()),
        }
    }
}

/// Which installations may activate a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessMode {
    /// Every installation.
    All,
    /// Only the listed installations.
    Listed,
}

impl AccessMode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Listed => "listed",
        }
    }
}

impl FromStr for AccessMode {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "all" => Ok(Self::All),
            "listed" => Ok(Self::Listed),
            _ => Err(()),
        }
    }
}

/// A product in the partner's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductSummary {
    pub id: i32,
    pub name: String,
    pub kind: ProductKind,
    /// `draft`, `active` or `retired`.
    pub status: String,
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
    pub status: String,
    pub access_mode: AccessMode,
    /// Whether a logo was uploaded (served at `/logos/{id}`).
    pub has_logo: bool,
}

/// One version of a product, with how many installations run it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionDto {
    pub number: i32,
    /// `draft`, `active` or `superseded`.
    pub state: String,
    pub note: Option<String>,
    pub installations: u64,
    pub functions: u64,
    pub activated_at: Option<String>,
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

/// An installation named in a product's access list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstallationRef {
    pub installation_id: String,
    pub name: String,
    pub is_sandbox: bool,
}

/// The product page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductDetail {
    pub product: ProductDto,
    pub versions: Vec<VersionDto>,
    /// The version "Change functions" works on (the draft, else the active one).
    pub current_version: i32,
    pub current_state: String,
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
    pub catalog: Vec<ApiFunctionDto>,
    pub version: i32,
    pub version_state: String,
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
    /// "2 functions added, 1 removed, 1 changed" (or "No changes").
    pub fn summary(&self) -> String {
        let parts: Vec<String> = [
            (self.added.len(), "added"),
            (self.removed.len(), "removed"),
            (self.changed.len(), "changed"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if parts.is_empty() {
            "No changes.".into()
        } else {
            format!("Saved version {}: {}.", self.version, parts.join(", "))
        }
    }
}

/// The answer to "New product": the product and any advice about its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedProduct {
    pub id: i32,
    pub warnings: Vec<String>,
}

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
    /// "No restriction" or the labelled values, before and after.
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
    /// The badge text.
    pub fn label(&self) -> String {
        match self {
            Self::UpgradeAvailable { latest, .. } => {
                format!("Upgrade available (version {latest})")
            }
            Self::Active { version } => format!("Active at version {version}"),
            Self::Available {
                deactivated: true, ..
            } => "Deactivated".into(),
            Self::Available { .. } => "Available to activate".into(),
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
    pub at: String,
    pub who: String,
    pub what: String,
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

/// A notification in the bell's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotificationDto {
    pub id: i32,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: String,
    pub read: bool,
}

/// Who runs a product version, for the partner's adoption view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdoptionRow {
    pub installation_id: String,
    pub installation_name: String,
    pub customer: String,
    pub version: i32,
    /// When the upgrade to the active version became available, if the installation is behind.
    pub upgrade_pending_since: Option<String>,
    /// A link to the customer's upgrade panel, to send to the customer.
    pub link: String,
}

/// One access key of a product, as its page lists it (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessKeyDto {
    pub id: i32,
    /// 1 or 2: "Access key 1", "Access key 2".
    pub slot: i32,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
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

/// A push-capable function a product requires, with its event types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushFunctionDto {
    pub function: String,
    pub name: String,
    pub event_types: Vec<String>,
}

/// What the "Create subscription" form offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionFormData {
    pub product_id: i32,
    pub product_name: String,
    pub functions: Vec<PushFunctionDto>,
    /// Receivers must use https (production).
    pub https_only: bool,
    pub can_manage: bool,
}

/// A push subscription as the partner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionDto {
    /// `sub_...`.
    pub id: String,
    pub product_id: i32,
    pub product_name: String,
    pub url: String,
    pub event_types: Vec<String>,
    pub description: String,
    pub enabled: bool,
    pub disabled_reason: Option<String>,
    pub created_at: String,
    /// Since when every delivery has failed.
    pub failing_since: Option<String>,
    /// Until when the previous secret still signs, after a rotation.
    pub previous_secret_until: Option<String>,
}

/// One attempt of a delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptDto {
    pub at: String,
    pub status_code: Option<i32>,
    pub duration_ms: i32,
    pub response_start: String,
    pub error: Option<String>,
}

/// One event sent to one subscription, with its attempts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryDto {
    /// `msg_...` (the `webhook-id` header).
    pub id: String,
    /// `evt_...`.
    pub event_id: String,
    pub event_type: String,
    /// `pending`, `succeeded` or `failed`.
    pub status: String,
    pub created_at: String,
    pub next_attempt_at: Option<String>,
    pub attempts: Vec<AttemptDto>,
}

/// The subscription page: the subscription, its secret if not yet shown, and its delivery log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionDetail {
    pub subscription: SubscriptionDto,
    /// The signing secret, shown to admins after it was created or rotated until one confirms
    /// it is saved (at most 15 minutes).
    pub secret_once: Option<String>,
    pub form: SubscriptionFormData,
    pub log: DeliveryLog,
}

/// One page of a subscription's delivery log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryLog {
    pub deliveries: Vec<DeliveryDto>,
    /// The status filter (`all`, `pending`, `succeeded`, `failed`).
    pub status: String,
    /// The event or delivery ID searched for; empty for all.
    pub search: String,
    /// The delivery ID to page to newer deliveries from (`after=`), if there are any.
    pub newer: Option<String>,
    /// The delivery ID to page to older deliveries from (`before=`), if there are any.
    pub older: Option<String>,
}
