//! A user's role in an organization.
pub use crate::glossary::Role;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "memberships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The member (`users.id`).
    pub user_id: i32,
    /// The organization (`organizations.id`).
    pub organization_id: i32,
    pub role: Role,
    pub created_at: DateTimeUtc,
}
super::plain_entity!();
