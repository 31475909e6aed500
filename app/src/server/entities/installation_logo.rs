//! A sales unit's logo: a PNG Portico re-encoded from the upload (see the sales units feature).
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "installation_logos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The installation's row ID; one logo each.
    pub installation_id: i32,
    pub data: Vec<u8>,
    pub updated_at: DateTimeUtc,
}
super::plain_entity!();
