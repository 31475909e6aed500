//! The audit log: who, acting as which organization, did what, when, from where.
//! Callers never pass secrets here.
use super::clock::now;
use super::scope::Actor;
use crate::error::AppError;
use crate::server::entities::audit_entry;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

/// Appends one entry.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    organization_id: Option<i32>,
    action: &str,
    target: &str,
    details: &str,
) -> Result<(), AppError> {
    record_about(db, actor, organization_id, None, action, target, details).await
}

/// Appends one entry about another organization than the one acted as (`about`), whose admins
/// then see it in their audit log too.
pub async fn record_about(
    db: &impl ConnectionTrait,
    actor: &Actor,
    organization_id: Option<i32>,
    about: Option<i32>,
    action: &str,
    target: &str,
    details: &str,
) -> Result<(), AppError> {
    audit_entry::ActiveModel {
        about_organization_id: Set(about.filter(|a| Some(*a) != organization_id)),
        at: Set(now()),
        actor_user_id: Set(actor.user_id),
        actor: Set(actor.label.clone()),
        organization_id: Set(organization_id),
        action: Set(action.to_owned()),
        target: Set(target.chars().take(200).collect()),
        details: Set(details.to_owned()),
        ip: Set(actor.ip.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
