//! A push worker instance and its heartbeat: leases of an instance that stopped beating are
//! claimed again at once, not when they expire.
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "push_workers")]
pub struct Model {
    /// `PORTICO_INSTANCE_ID`: the same across restarts of one instance.
    #[sea_orm(primary_key, auto_increment = false)]
    pub instance_id: String,
    pub heartbeat_at: DateTimeUtc,
}
super::plain_entity!();
