//! One attempt of a delivery.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "push_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The delivery (`push_deliveries.id`).
    pub delivery_id: i32,
    pub attempted_at: DateTimeUtc,
    /// The receiver's HTTP status, `None` when it did not answer.
    pub status_code: Option<i32>,
    pub duration_ms: i32,
    /// The start of the receiver's answer, for the log.
    pub response_start: String,
    pub error: Option<String>,
}
super::plain_entity!();
