//! Auto-approval: the operator's setting that approves the orders of known, active customers as
//! they are submitted, and what happens after "Submit" (approved at once, or the operator's
//! admins told that an order waits for review).
use super::business_identifier;
use super::decide::{approve_as, Target};
use crate::error::AppError;
use crate::features::notifications::service::notify_admins;
use crate::glossary::{ActiveStatus, OrgKind};
use crate::server::clock::now;
use crate::server::entities::{organization, product_order as po, setting};
use crate::server::scope::{require_operator_admin, Actor};
use crate::server::Config;
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};

/// The setting that approves the orders of known, active customers as they are submitted.
pub const AUTO_APPROVE: &str = "product_orders.auto_approve_known_customers";

/// Whether orders of known, active customers are approved as they are submitted.
pub async fn auto_approve(db: &impl ConnectionTrait) -> Result<bool, AppError> {
    Ok(setting::Entity::find_by_id(AUTO_APPROVE.to_owned())
        .one(db)
        .await?
        .is_some_and(|s| s.value == "true"))
}

/// An operator admin turns auto-approval on or off.
pub async fn set_auto_approve(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org: i32,
    on: bool,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org).await?;
    let value = if on { "true" } else { "false" }.to_owned();
    let row = setting::ActiveModel {
        key: Set(AUTO_APPROVE.into()),
        value: Set(value.clone()),
        updated_at: Set(now()),
    };
    if setting::Entity::find_by_id(AUTO_APPROVE.to_owned())
        .one(db)
        .await?
        .is_some()
    {
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    crate::server::audit::record(
        db,
        actor,
        Some(operator_org),
        "setting.changed",
        AUTO_APPROVE,
        &value,
    )
    .await
}

/// The operator organization (there is one): whose staff decide, and whose admins are told.
async fn operator_org(db: &impl ConnectionTrait) -> Result<Option<organization::Model>, AppError> {
    Ok(organization::Entity::find()
        .filter(organization::Column::Kind.eq(OrgKind::Operator))
        .one(db)
        .await?)
}

/// After "Submit": approve at once when the operator wants that for a known, active customer;
/// otherwise tell the operator's admins that an order waits for review.
pub async fn after_submit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    o: po::Model,
) -> Result<po::Model, AppError> {
    let known = match o.customer_id {
        Some(id) => organization::Entity::find_by_id(id)
            .one(db)
            .await?
            .is_some_and(|c| c.status == ActiveStatus::Active),
        None => false,
    };
    let Some(operator) = operator_org(db).await? else {
        return Ok(o);
    };
    if known && auto_approve(db).await? {
        let portico = Actor::system().speaking(actor.lang);
        return approve_as(db, config, &portico, operator.id, &o.public_id, Target::New).await;
    }
    let link = crate::paths::product_order(operator.id, &o.public_id);
    let who = business_identifier(&o);
    notify_admins(
        db,
        config,
        operator.id,
        &format!("po-submitted:{}", o.id),
        |lang| {
            (
                t!(lang, "product-order-submitted-title"),
                t!(lang, "product-order-submitted-body", customer = who.clone()),
            )
        },
        &link,
    )
    .await?;
    Ok(o)
}
