//! One counted hit of a database-backed rate limit.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_limit_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// What is limited, such as `sign-in:address:anna@example.com`.
    pub key: String,
    pub at: DateTimeUtc,
}
super::plain_entity!();
