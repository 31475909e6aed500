//! The counter the database bumps on every change that can alter an access decision.
use sea_orm::entity::prelude::*;
/// A single row (id 1) whose `epoch` the database bumps on every change that can alter an
/// access decision (see migration `m20261122_000006_access_epoch`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "access_epoch")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub epoch: i64,
    /// Bumped by the database on every change to `orders` (migration
    /// `m20261207_000018_orders`): the cache of ordered objects follows it.
    pub order_epoch: i64,
}
super::plain_entity!();
