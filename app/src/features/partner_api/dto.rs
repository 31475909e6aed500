//! The Partner API keys' wire types.
pub use crate::glossary::KeyAccess;
use crate::i18n::LocalTime;
use serde::{Deserialize, Serialize};

/// One of the partner's API keys as its page lists it (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerKeyDto {
    pub id: i32,
    /// 1 or 2: "API key 1", "API key 2".
    pub slot: i32,
    /// The public half (`pk_...`), the HTTP Basic user name.
    pub key_id: String,
    pub access: KeyAccess,
    /// Who created it (an e-mail).
    pub created_by: String,
    pub created_at: LocalTime,
    pub last_used_at: Option<LocalTime>,
    pub revoked_at: Option<LocalTime>,
}

/// The "API keys" page: the keys, newest first, and whether the reader may manage them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerKeysView {
    pub keys: Vec<PartnerKeyDto>,
    /// Partner admins create and revoke keys; other members only look.
    pub can_manage: bool,
}

/// A key just created: its secret is shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPartnerKey {
    pub slot: i32,
    pub key_id: String,
    pub secret: String,
    pub access: KeyAccess,
}

/// Who a Partner API call is: the partner and the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Whoami {
    pub partner_id: i32,
    pub partner_name: String,
    /// `pk_...`.
    pub key_id: String,
    pub access: KeyAccess,
}
