//! A platform service token (Bearer), stored only as a hash.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_tokens")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    /// Set when revoked: the token is refused from then on.
    pub revoked_at: Option<DateTimeUtc>,
}
super::plain_entity!();
