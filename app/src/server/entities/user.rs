//! A person who signs in (passwordless).
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub name: String,
    pub created_at: DateTimeUtc,
    /// Shown on the Users page.
    pub last_sign_in_at: Option<DateTimeUtc>,
    /// The language the user chose; `None` until they choose (then the request's is used).
    pub locale: Option<crate::glossary::Lang>,
    /// The user ID people are shown (a random UUID), never the row's `id`.
    pub public_id: String,
}
super::plain_entity!();
