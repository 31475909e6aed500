//! One sales unit's line of a commission statement.
pub use crate::glossary::Currency;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "commission_rows")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub statement_id: i32,
    /// The sales unit's installation ID, as the statement named it.
    pub installation_id: String,
    /// The price package's name that month (may be empty).
    pub price_package: String,
    /// The month's volume, in minor units.
    pub volume_minor: i64,
    /// The commission owed, in minor units (negative for a correction).
    pub commission_minor: i64,
    pub currency: Currency,
}
super::plain_entity!();
