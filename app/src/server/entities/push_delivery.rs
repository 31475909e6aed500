//! One event sent to one subscription.
pub use crate::glossary::DeliveryStatus;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "push_deliveries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `msg_...`: the `webhook-id`, the same on every attempt so receivers can deduplicate.
    pub public_id: String,
    /// The event (`push_events.id`).
    pub event_id: i32,
    /// The subscription (`push_subscriptions.id`).
    pub subscription_id: i32,
    pub status: DeliveryStatus,
    /// Attempts made so far.
    pub attempts: i32,
    pub next_attempt_at: Option<DateTimeUtc>,
    /// A worker holds the delivery until then; an expired lease is claimed again.
    pub lease_until: Option<DateTimeUtc>,
    /// The worker instance holding the lease (`push_workers.instance_id`).
    pub lease_owner: Option<String>,
    pub last_status_code: Option<i32>,
    pub created_at: DateTimeUtc,
    pub first_attempt_at: Option<DateTimeUtc>,
    pub completed_at: Option<DateTimeUtc>,
}
super::plain_entity!();
