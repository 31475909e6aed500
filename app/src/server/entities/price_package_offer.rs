//! A price package offered to one partner.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "price_package_offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub price_package_id: i32,
    /// The partner organization's ID.
    pub partner_id: i32,
    pub created_at: DateTimeUtc,
}
super::plain_entity!();
