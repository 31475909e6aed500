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
