//! A price package: commercial terms the operator offers through partners (see the pricing
//! feature).
pub use crate::glossary::Market;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "price_packages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// At most 30 characters.
    pub name: String,
    /// At most 6 characters, such as `2.99%`.
    pub description: String,
    pub market: Market,
    /// Such as `30 %`; `None` when the package pays no commission.
    pub commission: Option<String>,
    /// Whether customers see it in the sign-up form.
    pub visible_in_signup: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}
super::plain_entity!();
