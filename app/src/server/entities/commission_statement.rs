//! A commission statement: what the operator owes a partner for one month (its rows are
//! [`super::commission_row`]).
pub use crate::glossary::StatementSource;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "commission_statements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The partner organization's ID.
    pub partner_id: i32,
    /// The month, `YYYY-MM`; one statement per partner and month.
    pub period: String,
    pub source: StatementSource,
    /// Who sent it last: an operator's e-mail or `service:<name>`.
    pub updated_by: String,
    pub updated_at: DateTimeUtc,
}
super::plain_entity!();
