//! A partner, a customer or the operator.
pub use crate::glossary::{ActiveStatus, OrgKind};
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organizations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: OrgKind,
    pub name: String,
    /// The scheme of the business identifier, such as `NO:ORG`.
    pub business_id_scheme: Option<String>,
    pub business_id: Option<String>,
    /// A deactivated organization can be acted as by nobody.
    pub status: ActiveStatus,
    pub created_at: DateTimeUtc,
}
super::plain_entity!();
