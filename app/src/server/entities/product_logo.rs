//! A product's uploaded logo.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_logos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The product (`products.id`); one logo each.
    pub product_id: i32,
    /// `image/png` or `image/svg+xml`.
    pub content_type: String,
    pub data: Vec<u8>,
    pub updated_at: DateTimeUtc,
}
super::plain_entity!();
