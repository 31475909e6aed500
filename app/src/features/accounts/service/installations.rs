//! Installations: the operator adds them to customers, deactivates and reactivates them.
//! Installation IDs are unique, and only one installation is the partner sandbox.
use super::bootstrap;
use crate::error::AppError;
use crate::features::accounts::dto::InstallationDto;
use crate::glossary::{ActiveStatus, OrgKind};
use crate::server::entities::{installation, organization};
use crate::server::scope::{require_operator_admin, Actor};
use crate::server::{audit, validate};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};

/// A customer's installations by installation ID.
pub async fn installations_of(
    db: &impl ConnectionTrait,
    customer_id: i32,
) -> Result<Vec<InstallationDto>, AppError> {
    Ok(installation::Entity::find()
        .filter(installation::Column::CustomerId.eq(customer_id))
        .order_by_asc(installation::Column::InstallationId)
        .all(db)
        .await?
        .into_iter()
        .map(installation_dto)
        .collect())
}

/// An installation as the pages show it.
pub fn installation_dto(i: installation::Model) -> InstallationDto {
    InstallationDto {
        id: i.id,
        installation_id: i.installation_id,
        name: i.name,
        status: i.status,
        is_sandbox: i.is_sandbox,
    }
}

/// The operator adds an installation to a customer. Installation IDs are unique, and only one
/// installation can be the partner sandbox.
pub async fn create_installation<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    operator_org_id: i32,
    customer_id: i32,
    raw_installation_id: &str,
    raw_name: &str,
    is_sandbox: bool,
) -> Result<InstallationDto, AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let customer = organization::Entity::find_by_id(customer_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if customer.kind != OrgKind::Customer {
        return Err(AppError::invalid(t!(
            actor.lang,
            "invalid-installation-owner"
        )));
    }
    let lang = actor.lang;
    let installation_id = validate::installation_id(lang, raw_installation_id)?;
    let name = validate::name(lang, raw_name, &t!(lang, "field-installation-name"))?;
    let (actor, iid) = (actor.clone(), installation_id.clone());
    let inst = crate::server::db::write(db, |txn| {
        Box::pin(async move {
            if installation::Entity::find()
                .filter(installation::Column::InstallationId.eq(&iid))
                .one(txn)
                .await?
                .is_some()
            {
                return Err(AppError::Conflict(t!(
                    lang,
                    "installation-id-taken",
                    id = iid.clone()
                )));
            }
            if is_sandbox
                && installation::Entity::find()
                    .filter(installation::Column::IsSandbox.eq(true))
                    .one(txn)
                    .await?
                    .is_some()
            {
                return Err(AppError::Conflict(t!(lang, "sandbox-exists")));
            }
            let inst =
                bootstrap::insert_installation(txn, customer_id, &iid, &name, is_sandbox).await?;
            audit::record_about(
                txn,
                &actor,
                Some(operator_org_id),
                Some(customer_id),
                "installation.created",
                &iid,
                &format!("customer {customer_id}"),
            )
            .await?;
            Ok(inst)
        })
    })
    .await?;
    Ok(installation_dto(inst))
}

/// The operator deactivates (or reactivates) one installation of a customer.
pub async fn set_installation_active(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    installation_row_id: i32,
    active: bool,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let inst = installation::Entity::find_by_id(installation_row_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = if active {
        ActiveStatus::Active
    } else {
        ActiveStatus::Deactivated
    };
    let (iid, customer) = (inst.installation_id.clone(), inst.customer_id);
    let mut m: installation::ActiveModel = inst.into();
    m.status = Set(status);
    m.update(db).await?;
    let action = if active {
        "installation.reactivated"
    } else {
        "installation.deactivated"
    };
    audit::record_about(
        db,
        actor,
        Some(operator_org_id),
        Some(customer),
        action,
        &iid,
        "",
    )
    .await
}

/// Renames an installation (row ID `installation_row_id`). The caller has checked who may: the
/// sales units feature, for a customer's or a connected partner's admin.
pub async fn set_installation_name(
    db: &impl ConnectionTrait,
    installation_row_id: i32,
    name: &str,
) -> Result<(), AppError> {
    installation::Entity::update_many()
        .col_expr(
            installation::Column::Name,
            sea_orm::sea_query::Expr::value(name),
        )
        .filter(installation::Column::Id.eq(installation_row_id))
        .exec(db)
        .await?;
    Ok(())
}
