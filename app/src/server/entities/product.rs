//! A partner's integration product.
pub use crate::glossary::{AccessMode, ProductKind, ProductStatus};
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The partner organization (`organizations.id`) that owns it.
    pub partner_id: i32,
    pub name: String,
    pub kind: ProductKind,
    pub description: String,
    /// Where customers ask for help.
    pub support_email: Option<String>,
    pub support_url: Option<String>,
    pub status: ProductStatus,
    /// Every installation, or only those listed in `product_access`.
    pub access_mode: AccessMode,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}
super::plain_entity!();
