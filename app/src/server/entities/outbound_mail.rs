//! The mail queue the mail worker sends from.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbound_mail")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub to_address: String,
    pub subject: String,
    /// The text, with `{secret}` where a one-time link's token goes.
    pub text_body: String,
    /// That token, sealed under `PORTICO_SECRET_KEY` until the mail is sent, then dropped.
    pub sealed_secret: Option<String>,
    pub created_at: DateTimeUtc,
    /// Set once the mail was sent.
    pub sent_at: Option<DateTimeUtc>,
    /// Send attempts so far (claimed by counting up).
    pub attempts: i32,
    pub last_error: Option<String>,
}
super::plain_entity!();
