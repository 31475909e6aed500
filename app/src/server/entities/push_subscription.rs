//! A partner's receiver URL for event types of a product.
pub use crate::glossary::SubscriptionStatus;
use sea_orm::entity::prelude::*;
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "push_subscriptions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `sub_...`, shown to the partner.
    pub public_id: String,
    /// The product (`products.id`) whose functions it receives events of.
    pub product_id: i32,
    pub url: String,
    /// JSON array of event types.
    pub event_types: String,
    pub description: String,
    pub status: SubscriptionStatus,
    /// Why it is disabled, for the partner.
    pub disabled_reason: Option<String>,
    /// The signing secret (`whsec_...`), sealed under `PORTICO_SECRET_KEY`
    /// ([`SecretKey::seal`](crate::server::secrets::SecretKey::seal)); the server opens it
    /// to sign every delivery.
    pub secret: String,
    /// Whether the partner has been shown the current secret (it is shown once).
    pub secret_revealed: bool,
    /// When the current secret was made (created or rotated): it is shown for a while after.
    pub secret_created_at: Option<DateTimeUtc>,
    /// After a rotation, the old secret (sealed) keeps signing until `previous_secret_until`.
    pub previous_secret: Option<String>,
    pub previous_secret_until: Option<DateTimeUtc>,
    /// Since when every delivery has failed; cleared by any success.
    pub failing_since: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}
super::plain_entity!();
