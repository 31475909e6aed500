//! The accounts' wire types.
pub use crate::glossary::{ActiveStatus, OrgKind, Role};
use serde::{Deserialize, Serialize};

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
    /// When the user last signed in, or `None` when never.
    pub last_sign_in_at: Option<crate::i18n::LocalTime>,
    /// Invited to this organization and not yet accepted.
    pub invitation_pending: bool,
}

impl MemberDto {
    /// The "Last sign-in" column: a time, "Invitation pending" or "Never".
    pub fn last_sign_in_label(&self, lang: crate::i18n::Lang) -> String {
        match (&self.last_sign_in_at, self.invitation_pending) {
            (Some(t), _) => t.date_time(lang),
            (None, true) => crate::t!(lang, "users-invitation-pending"),
            (None, false) => crate::t!(lang, "users-never"),
        }
    }
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
    pub status: ActiveStatus,
    pub member_count: u64,
    pub installation_count: u64,
}

/// An installation (one customer environment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstallationDto {
    pub id: i32,
    pub installation_id: String,
    pub name: String,
    pub status: ActiveStatus,
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

/// One browser the user is signed in on, as their profile lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignedInBrowser {
    /// The session's row: what "Sign out" on that row names.
    pub id: i32,
    pub signed_in_at: crate::i18n::LocalTime,
    pub last_seen_at: crate::i18n::LocalTime,
    pub ip: Option<String>,
    /// The browser and the system read from its user agent, when recognized.
    pub browser: Option<String>,
    pub system: Option<String>,
    /// The browser this page is shown in (signed out with the header's "Sign out").
    pub current: bool,
}

/// The profile page: the user's own details and the browsers they are signed in on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileDto {
    /// The user ID people are given (a UUID), never the row's number.
    pub user_id: String,
    pub email: String,
    pub name: String,
    /// The language saved for the user; `None` until they choose or sign in.
    pub language: Option<crate::glossary::Lang>,
    /// The most recently used browsers, newest first ([`PROFILE_SESSIONS`] at most).
    pub sessions: Vec<SignedInBrowser>,
    /// Signed-in browsers beyond those listed ("Sign out everywhere" ends them too).
    pub more_sessions: u64,
}

/// How many signed-in browsers the profile lists.
pub const PROFILE_SESSIONS: u64 = 20;
