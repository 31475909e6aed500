//! The queue of upgrade notifications that activating a version fills.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "upgrade_notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The product (`products.id`).
    pub product_id: i32,
    /// The newly activated version (`product_versions.id`).
    pub version_id: i32,
    /// The installation (`installations.id`) still on an older version.
    pub installation_id: i32,
    pub created_at: DateTimeUtc,
    /// Set when the job turned it into notifications.
    pub processed_at: Option<DateTimeUtc>,
}
super::plain_entity!();
