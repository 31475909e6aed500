//! An in-app notification (the bell).
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The recipient (`users.id`).
    pub user_id: i32,
    /// The organization the notification is about (where its link leads).
    pub organization_id: i32,
    /// What the notification is for, such as `upgrade:17:4`; unique, so nobody gets it twice.
    pub dedupe_key: String,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: DateTimeUtc,
    /// When the recipient marked it read.
    pub read_at: Option<DateTimeUtc>,
}
super::plain_entity!();
