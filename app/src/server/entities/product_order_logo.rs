//! The logo a product order brings for its new sales unit: a PNG Portico re-encoded.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_order_logos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub product_order_id: i32,
    pub data: Vec<u8>,
}
super::plain_entity!();
