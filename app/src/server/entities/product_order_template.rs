//! A partner's reusable sign-up link for one product (and optionally one price package).
pub use crate::glossary::TemplateStatus;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_order_templates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `pot_...`
    pub public_id: String,
    pub partner_id: i32,
    pub product_id: i32,
    pub price_package_id: Option<i32>,
    pub name: String,
    /// The link's token: the link is meant to be shared, so it is kept as it is.
    pub token: String,
    pub status: TemplateStatus,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub retired_at: Option<DateTimeUtc>,
}
super::plain_entity!();
