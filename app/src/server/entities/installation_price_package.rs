//! A sales unit's price package: one per installation, set by the operator.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "installation_price_packages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The installation's row ID.
    pub installation_id: i32,
    pub price_package_id: i32,
    pub updated_at: DateTimeUtc,
}
super::plain_entity!();
