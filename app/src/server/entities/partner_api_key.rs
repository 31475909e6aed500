//! One of a partner's API keys ("API key 1", "API key 2") for the Partner API.
pub use crate::glossary::KeyAccess;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_api_keys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The partner organization's ID.
    pub organization_id: i32,
    /// "API key 1" or "API key 2".
    pub slot: i32,
    /// The public half, `pk_` and 24 characters: the HTTP Basic user name.
    pub key_id: String,
    /// Keyed hash of the secret (see `SecretKey::hash`); the secret itself is never stored.
    pub secret_hash: String,
    pub access: KeyAccess,
    /// The e-mail of whoever created it.
    pub created_by: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    /// Set when revoked: the key is refused from then on.
    pub revoked_at: Option<DateTimeUtc>,
}
super::plain_entity!();
