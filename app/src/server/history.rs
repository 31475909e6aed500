//! Sales unit history (rule 10): every change a customer or a partner makes to a sales unit,
//! recorded beside the change by whichever feature makes it, read by the sales units feature.
use super::clock::now;
use super::scope::Actor;
use crate::error::AppError;
use crate::server::entities::sales_unit_event::{self as event, HistoryKind};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

/// What changed, for [`record`].
#[derive(Debug, Clone, Default)]
pub struct Change {
    /// The product it concerns, if any.
    pub product_id: Option<i32>,
    /// The value before (a version number, a name).
    pub old: Option<String>,
    /// The value after.
    pub new: Option<String>,
}

/// Appends one entry to the history of the installation with row ID `installation`, done by
/// `actor` acting as `organization_id`.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    organization_id: Option<i32>,
    installation: i32,
    kind: HistoryKind,
    change: Change,
) -> Result<(), AppError> {
    let cut = |v: Option<String>| v.map(|v| v.chars().take(200).collect::<String>());
    event::ActiveModel {
        installation_id: Set(installation),
        at: Set(now()),
        actor_user_id: Set(actor.user_id),
        actor: Set(actor.label.chars().take(320).collect()),
        organization_id: Set(organization_id),
        kind: Set(kind),
        product_id: Set(change.product_id),
        old_value: Set(cut(change.old)),
        new_value: Set(cut(change.new)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
