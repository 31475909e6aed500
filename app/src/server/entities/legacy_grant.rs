//! A partner's direct (installation, function) right outside any product.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legacy_grants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The partner organization the right was given to.
    pub partner_id: i32,
    /// The installation's row ID.
    pub installation_id: i32,
    /// The catalog function (`api_functions.id`).
    pub function_id: i32,
    /// JSON object like a version grant's filters.
    pub filters: String,
    /// Where the grant came from (e.g. the old agreement's reference).
    pub note: String,
    pub created_at: DateTimeUtc,
}
super::plain_entity!();
