//! A "Sign in" request waiting to be answered by the sign-in job (which mails a link when the
//! address belongs to a user), so the request itself costs the same for every address.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub created_at: DateTimeUtc,
    /// The language of the page the request came from.
    pub locale: Option<crate::glossary::Lang>,
    /// Where to continue once signed in: a path on this site (`crate::paths::local`).
    pub next_path: Option<String>,
}
super::plain_entity!();
