//! An installation's consent to a product at a version.
pub use crate::glossary::ActiveStatus;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The installation's row ID.
    pub installation_id: i32,
    /// The product (`products.id`).
    pub product_id: i32,
    /// The version (`product_versions.id`) access checks use, never a newer one.
    pub version_id: i32,
    /// A deactivated activation grants nothing.
    pub status: ActiveStatus,
    /// The customer administrator (`users.id`) who activated it.
    pub activated_by: Option<i32>,
    pub activated_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}
super::plain_entity!();
