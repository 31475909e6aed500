//! A product's client ID.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_credentials")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The product (`products.id`); one client ID each.
    pub product_id: i32,
    /// The public half of the product's credentials (the Basic auth user name).
    pub client_id: String,
    pub created_at: DateTimeUtc,
}
super::plain_entity!();
