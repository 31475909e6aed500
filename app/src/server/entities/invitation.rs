//! An invitation of a user to an organization, until accepted.
pub use crate::glossary::Role;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The organization (`organizations.id`) the user was invited to.
    pub organization_id: i32,
    /// The invited user (`users.id`).
    pub user_id: i32,
    pub role: Role,
    /// The admin (`users.id`) who invited them.
    pub invited_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
}
super::plain_entity!();
