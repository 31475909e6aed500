//! One entry of a sales unit's history: who, acting as which organization, did what, when.
pub use crate::glossary::HistoryKind;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sales_unit_history")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The installation's row ID.
    pub installation_id: i32,
    pub at: DateTimeUtc,
    /// The acting user (`users.id`), `None` for the CLI and the platform.
    pub actor_user_id: Option<i32>,
    /// The actor's e-mail, or `cli` / `system`.
    pub actor: String,
    /// The organization the actor was acting as.
    pub organization_id: Option<i32>,
    pub kind: HistoryKind,
    /// The product it concerns (activations, upgrades).
    pub product_id: Option<i32>,
    /// What it was before (a version number, a name), where the kind has one.
    pub old_value: Option<String>,
    /// What it is now.
    pub new_value: Option<String>,
}
super::plain_entity!();
