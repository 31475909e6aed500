//! A numbered snapshot of the functions a product requires.
pub use crate::glossary::VersionState;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The product (`products.id`).
    pub product_id: i32,
    /// 1, 2, ... per product.
    pub number: i32,
    pub state: VersionState,
    /// The partner's note to customers about this version.
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
    pub activated_at: Option<DateTimeUtc>,
}
super::plain_entity!();
