//! Activating, upgrading and deactivating a product on an installation. Upgrades are
//! compare-and-set, so of two administrators upgrading at once exactly one wins.
use super::cards::{cards, history_target, own_installation};
use crate::error::AppError;
use crate::features::activations::dto::CardState;
use crate::glossary::{ActiveStatus, HistoryKind, VersionState};
use crate::server::audit;
use crate::server::clock::now;
use crate::server::entities::{activation, installation, product_version as pv};
use crate::server::history::{self, Change};
use crate::server::scope::{require_customer_admin, Actor};
use crate::t;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};

/// "Activate product" at the version the administrator reviewed (which must still be the active
/// one). A deactivated product is activated again.
pub async fn activate<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    product_id: i32,
    version: i32,
) -> Result<(), AppError> {
    require_customer_admin(db, actor, org_id).await?;
    let inst = own_installation(db, org_id, installation_id).await?;
    let row = cards(db, &inst, Some(product_id))
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let CardState::Available {
        version: latest, ..
    } = row.card.state
    else {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "activation-already-active",
            product = row.card.name.clone(),
            installation = inst.installation_id.clone(),
        )));
    };
    if latest != version {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "activation-version-moved",
            latest = latest
        )));
    }
    let already = || {
        AppError::Conflict(t!(
            actor.lang,
            "activation-already-active",
            product = row.card.name.clone(),
            installation = inst.installation_id.clone(),
        ))
    };
    let (actor, version_id) = (actor.clone(), row.version.id);
    let (inst_id, target) = (inst.id, history_target(&inst, product_id));
    let result = crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let existing = activation::Entity::find()
                .filter(activation::Column::InstallationId.eq(inst_id))
                .filter(activation::Column::ProductId.eq(product_id))
                .one(txn)
                .await?;
            let at = now();
            match existing {
                // Activated again after a deactivation: compare-and-set, so of two
                // administrators doing it at once exactly one wins.
                Some(a) => {
                    let switched = activation::Entity::update_many()
                        .col_expr(
                            activation::Column::Status,
                            Expr::value(ActiveStatus::Active),
                        )
                        .col_expr(activation::Column::VersionId, Expr::value(version_id))
                        .col_expr(activation::Column::ActivatedBy, Expr::value(actor.user_id))
                        .col_expr(activation::Column::ActivatedAt, Expr::value(at))
                        .col_expr(activation::Column::UpdatedAt, Expr::value(at))
                        .filter(activation::Column::Id.eq(a.id))
                        .filter(activation::Column::Status.eq(ActiveStatus::Deactivated))
                        .exec(txn)
                        .await?;
                    if switched.rows_affected != 1 {
                        return Ok(false);
                    }
                }
                // The first activation: the unique (installation, product) index keeps one.
                None => {
                    activation::ActiveModel {
                        installation_id: Set(inst_id),
                        product_id: Set(product_id),
                        version_id: Set(version_id),
                        status: Set(ActiveStatus::Active),
                        activated_by: Set(actor.user_id),
                        activated_at: Set(at),
                        updated_at: Set(at),
                        ..Default::default()
                    }
                    .insert(txn)
                    .await?;
                }
            }
            let what = format!("Activated version {version}");
            audit::record(
                txn,
                &actor,
                Some(org_id),
                "activation.activated",
                &target,
                &what,
            )
            .await?;
            let change = Change {
                product_id: Some(product_id),
                old: None,
                new: Some(version.to_string()),
            };
            history::record(
                txn,
                &actor,
                Some(org_id),
                inst_id,
                HistoryKind::Activated,
                change,
            )
            .await?;
            Ok(true)
        })
    })
    .await;
    match result {
        Ok(true) => Ok(()),
        Ok(false) | Err(AppError::Conflict(_)) => Err(already()),
        Err(e) => Err(e),
    }
}

/// What deciding on the offered version `offered` starts from, for a customer's admin: the
/// installation, its active activation of the product and the product's active version, which
/// must be `offered` (a version moved on since the review is a clear conflict).
async fn offered_version(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    product_id: i32,
    offered: i32,
) -> Result<(installation::Model, activation::Model, pv::Model), AppError> {
    require_customer_admin(db, actor, org_id).await?;
    let inst = own_installation(db, org_id, installation_id).await?;
    let act = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::ProductId.eq(product_id))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .one(db)
        .await?
        .ok_or_else(|| AppError::Conflict(t!(actor.lang, "activation-not-active")))?;
    let active = pv::Entity::find()
        .filter(pv::Column::ProductId.eq(product_id))
        .filter(pv::Column::State.eq(VersionState::Active))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if active.number != offered {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "activation-upgrade-moved",
            to = offered,
            active = active.number,
        )));
    }
    Ok((inst, act, active))
}

/// "Upgrade product" to `to_version`, which must be the product's active version. Access checks
/// use the new version from this moment. Compare-and-set: a second administrator upgrading at
/// the same time is told it is already done.
pub async fn upgrade(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    product_id: i32,
    to_version: i32,
) -> Result<(), AppError> {
    let (inst, act, active) =
        offered_version(db, actor, org_id, installation_id, product_id, to_version).await?;
    let done = || {
        AppError::Conflict(t!(
            actor.lang,
            "activation-already-runs",
            installation = inst.installation_id.clone(),
            version = to_version,
        ))
    };
    if act.version_id == active.id {
        return Err(done());
    }
    let from = pv::Entity::find_by_id(act.version_id)
        .one(db)
        .await?
        .map(|v| v.number)
        .unwrap_or(0);
    let switched = activation::Entity::update_many()
        .col_expr(activation::Column::VersionId, Expr::value(active.id))
        .col_expr(activation::Column::UpdatedAt, Expr::value(now()))
        .filter(activation::Column::Id.eq(act.id))
        .filter(activation::Column::VersionId.eq(act.version_id))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .exec(db)
        .await?;
    if switched.rows_affected != 1 {
        return Err(done());
    }
    let what = format!("Upgraded from version {from} to version {to_version}");
    let change = Change {
        product_id: Some(product_id),
        old: Some(from.to_string()),
        new: Some(to_version.to_string()),
    };
    history::record(
        db,
        actor,
        Some(org_id),
        inst.id,
        HistoryKind::Upgraded,
        change,
    )
    .await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "activation.upgraded",
        &history_target(&inst, product_id),
        &what,
    )
    .await
}

/// "Keep current version": the customer's admin reviewed the offered version `offered` and
/// keeps the one it runs. Nothing about access changes; the choice is recorded in the sales
/// unit's history (which its partner reads) and the audit log. The product stays upgradable.
pub async fn keep_version(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    product_id: i32,
    offered: i32,
) -> Result<(), AppError> {
    let (inst, act, active) =
        offered_version(db, actor, org_id, installation_id, product_id, offered).await?;
    if act.version_id == active.id {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "activation-already-runs",
            installation = inst.installation_id.clone(),
            version = offered,
        )));
    }
    let current = pv::Entity::find_by_id(act.version_id)
        .one(db)
        .await?
        .map(|v| v.number)
        .unwrap_or(0);
    let change = Change {
        product_id: Some(product_id),
        old: Some(current.to_string()),
        new: Some(offered.to_string()),
    };
    history::record(
        db,
        actor,
        Some(org_id),
        inst.id,
        HistoryKind::KeptVersion,
        change,
    )
    .await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "activation.kept",
        &history_target(&inst, product_id),
        &format!("Kept version {current} instead of version {offered}"),
    )
    .await
}

/// Ends the product's access for the installation.
pub async fn deactivate(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    product_id: i32,
) -> Result<(), AppError> {
    require_customer_admin(db, actor, org_id).await?;
    let inst = own_installation(db, org_id, installation_id).await?;
    let ended = activation::Entity::update_many()
        .col_expr(
            activation::Column::Status,
            Expr::value(ActiveStatus::Deactivated),
        )
        .col_expr(activation::Column::UpdatedAt, Expr::value(now()))
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::ProductId.eq(product_id))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .exec(db)
        .await?;
    if ended.rows_affected != 1 {
        return Err(AppError::Conflict(t!(actor.lang, "activation-not-active")));
    }
    let change = Change {
        product_id: Some(product_id),
        ..Change::default()
    };
    history::record(
        db,
        actor,
        Some(org_id),
        inst.id,
        HistoryKind::Deactivated,
        change,
    )
    .await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "activation.deactivated",
        &history_target(&inst, product_id),
        "Deactivated",
    )
    .await
}
