//! A required function (with filters) of a version.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "version_grants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The version (`product_versions.id`).
    pub version_id: i32,
    /// The catalog function (`api_functions.id`).
    pub function_id: i32,
    /// JSON object: dimension key -> chosen values; an absent dimension is unrestricted.
    pub filters: String,
}
super::plain_entity!();
