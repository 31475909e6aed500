//! A published event (the payload each delivery sends).
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "push_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `evt_...`, returned by `POST /api/v1/events`.
    pub public_id: String,
    /// The installation's row ID (`None` for test events).
    pub installation_id: Option<i32>,
    /// Such as `estate.updated`.
    pub event_type: String,
    /// The exact JSON body sent, `{"type", "timestamp", "data"}`; `None` once purged.
    pub body: Option<String>,
    pub created_at: DateTimeUtc,
}
super::plain_entity!();
