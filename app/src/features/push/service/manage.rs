//! Changing a push subscription: its URL (verified again), event types and description,
//! disabling and enabling, deleting, rotating the signing secret and hiding it once saved.
//! Partner admins only.
use super::subscriptions::{
    event_types_json, own_subscription, push_functions, validated, verify, SubscriptionInput,
    ROTATION_OVERLAP,
};
use crate::error::AppError;
use crate::glossary::SubscriptionStatus;
use crate::server::clock::now;
use crate::server::entities::push_subscription as ps;
use crate::server::net::sender::PushClient;
use crate::server::net::signing;
use crate::server::scope::{require_partner_admin, Actor};
use crate::server::{audit, Config};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// Changes URL (verified again when it changes), event types and description; admins only.
#[allow(clippy::too_many_arguments)]
pub async fn update(
    db: &impl ConnectionTrait,
    config: &Config,
    client: &PushClient,
    actor: &Actor,
    org_id: i32,
    public_id: &str,
    input: SubscriptionInput,
) -> Result<(), AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let (sub, p) = own_subscription(db, org_id, public_id).await?;
    let functions = push_functions(db, actor.lang, &p).await?;
    let (url, event_types, description) = validated(actor.lang, config, &functions, &input)?;
    if url != sub.url {
        let secret = config
            .secret_key
            .open(&sub.secret)
            .ok_or(AppError::Internal)?;
        verify(client, &url, &secret, p.id).await?;
    }
    let id = sub.public_id.clone();
    let mut m: ps::ActiveModel = sub.into();
    m.url = Set(url.clone());
    m.event_types = Set(event_types_json(&event_types));
    m.description = Set(description);
    m.updated_at = Set(now());
    m.update(db).await?;
    audit::record(db, actor, Some(org_id), "subscription.updated", &id, &url).await
}

/// Disables or enables a subscription; admins only. Enabling clears the failure streak.
pub async fn set_enabled(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    public_id: &str,
    enabled: bool,
) -> Result<(), AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let (sub, _) = own_subscription(db, org_id, public_id).await?;
    let id = sub.public_id.clone();
    let mut m: ps::ActiveModel = sub.into();
    if enabled {
        m.status = Set(SubscriptionStatus::Enabled);
        m.disabled_reason = Set(None);
        m.failing_since = Set(None);
    } else {
        m.status = Set(SubscriptionStatus::Disabled);
        m.disabled_reason = Set(Some("partner".into()));
    }
    m.updated_at = Set(now());
    m.update(db).await?;
    let action = if enabled {
        "subscription.enabled"
    } else {
        "subscription.disabled"
    };
    audit::record(db, actor, Some(org_id), action, &id, "").await
}

/// Deletes a subscription and its delivery log; admins only.
pub async fn delete(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    public_id: &str,
) -> Result<(), AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let (sub, _) = own_subscription(db, org_id, public_id).await?;
    ps::Entity::delete_by_id(sub.id).exec(db).await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "subscription.deleted",
        &sub.public_id,
        &sub.url,
    )
    .await
}

/// A new signing secret, shown once on the subscription page; the old one keeps signing beside
/// it for 24 hours so the receiver can switch without losing events. Admins only.
pub async fn rotate_secret(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    public_id: &str,
) -> Result<(), AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let (sub, _) = own_subscription(db, org_id, public_id).await?;
    let id = sub.public_id.clone();
    let old = sub.secret.clone();
    let mut m: ps::ActiveModel = sub.into();
    m.previous_secret = Set(Some(old));
    m.previous_secret_until = Set(Some(now() + ROTATION_OVERLAP));
    m.secret = Set(config.secret_key.seal(&signing::new_secret()));
    m.secret_revealed = Set(false);
    m.secret_created_at = Set(Some(now()));
    m.updated_at = Set(now());
    m.update(db).await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "subscription.secret_rotated",
        &id,
        "",
    )
    .await
}

/// "I have saved the secret": the signing secret is not shown again. Admins only.
pub async fn hide_secret(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    public_id: &str,
) -> Result<(), AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let (sub, _) = own_subscription(db, org_id, public_id).await?;
    ps::Entity::update_many()
        .col_expr(ps::Column::SecretRevealed, Expr::value(true))
        .filter(ps::Column::Id.eq(sub.id))
        .exec(db)
        .await?;
    Ok(())
}
