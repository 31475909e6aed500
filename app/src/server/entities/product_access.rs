//! An installation listed in a product's "Access and security".
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_access")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The product (`products.id`).
    pub product_id: i32,
    /// The installation's row ID (not its `installation_id` text).
    pub installation_id: i32,
}
super::plain_entity!();
