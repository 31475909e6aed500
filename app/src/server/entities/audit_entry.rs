//! The audit log: who, acting as which organization, did what, when, from where.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub at: DateTimeUtc,
    /// The acting user (`users.id`), `None` for the CLI and the system.
    pub actor_user_id: Option<i32>,
    /// The actor's e-mail, or `cli` / `system`.
    pub actor: String,
    /// The organization the actor was acting as.
    pub organization_id: Option<i32>,
    /// What happened, such as `product.created`.
    pub action: String,
    /// What it happened to, in words (never a secret).
    pub target: String,
    pub details: String,
    pub ip: Option<String>,
    /// The organization the change was about, when it is not the one acted as (the operator's
    /// staff changing a partner): its admins see the entry too.
    pub about_organization_id: Option<i32>,
}
super::plain_entity!();
