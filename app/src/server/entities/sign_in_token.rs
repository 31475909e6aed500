//! A single-use link token (sign-in or invitation), stored only as a hash.
use sea_orm::entity::prelude::*;

/// What a link token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum LinkPurpose {
    #[sea_orm(string_value = "sign_in")]
    SignIn,
    #[sea_orm(string_value = "invitation")]
    Invitation,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_tokens")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The user (`users.id`) the link signs in.
    pub user_id: i32,
    pub token_hash: String,
    pub purpose: LinkPurpose,
    /// For an invitation: the organization the user was invited to.
    pub organization_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// Set when the link was used: it works once.
    pub used_at: Option<DateTimeUtc>,
}
super::plain_entity!();
