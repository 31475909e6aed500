//! One of a product's access keys ("Access key 1", "Access key 2").
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "access_keys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The product (`products.id`) the key belongs to.
    pub product_id: i32,
    /// "Access key 1" or "Access key 2".
    pub slot: i32,
    /// Keyed hash of the secret (see `SecretKey::hash`); the secret itself is never stored.
    pub secret_hash: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    /// Set when revoked: the key is refused from then on.
    pub revoked_at: Option<DateTimeUtc>,
}
super::plain_entity!();
