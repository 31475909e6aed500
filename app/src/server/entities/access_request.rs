//! An access request ("Ny tilgang") from the public request page: unconfirmed until its e-mailed
//! link is followed, then in the operator's queue until approved or declined.
pub use crate::glossary::{AccessRequestKind, AccessRequestStatus};
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "access_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: AccessRequestKind,
    pub status: AccessRequestStatus,
    /// The company that would become a partner, or the organization the person wants to join.
    pub organization_name: String,
    pub business_id_scheme: Option<String>,
    pub business_id: Option<String>,
    pub contact_name: String,
    pub email: String,
    /// What they want to build, or why they should join.
    pub message: String,
    /// The language of the page the request came from; every mail to the requester uses it.
    pub locale: Option<crate::glossary::Lang>,
    /// The hash of the confirmation link's token, until it is used or the request is decided.
    pub token_hash: Option<String>,
    pub created_at: DateTimeUtc,
    pub confirmed_at: Option<DateTimeUtc>,
    pub decided_at: Option<DateTimeUtc>,
    /// Who decided (an e-mail address).
    pub decided_by: Option<String>,
    /// The operator's message to the requester (a decline's reason).
    pub decision_message: Option<String>,
    /// The organization created (a partner) or joined.
    pub organization_id: Option<i32>,
}
super::plain_entity!();
