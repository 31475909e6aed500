//! A signed-in browser, behind a random cookie stored only as a hash.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The signed-in user (`users.id`).
    pub user_id: i32,
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    /// Refreshed at most once a minute; the expiry slides with it.
    pub last_seen_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}
super::plain_entity!();
