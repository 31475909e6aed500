//! The customer's side of its sales units ("Installations"): its own active installations with
//! every product they run, and each one's whole history.
use super::detail::history;
use super::list::describe;
use crate::error::AppError;
use crate::features::sales_units::dto::{SalesUnitDetail, SalesUnitRow};
use crate::glossary::{ActiveStatus, OrgKind, Role};
use crate::server::entities::{activation, installation, product};
use crate::server::scope::{require_kind, Actor};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// The products active on any of these installations (ID, name).
async fn products_on(
    db: &impl ConnectionTrait,
    insts: &[installation::Model],
) -> Result<Vec<(i32, String)>, AppError> {
    let on: Vec<i32> = activation::Entity::find()
        .select_only()
        .column(activation::Column::ProductId)
        .filter(activation::Column::InstallationId.is_in(insts.iter().map(|i| i.id)))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .into_tuple()
        .all(db)
        .await?;
    Ok(product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .column(product::Column::Name)
        .filter(product::Column::Id.is_in(on))
        .into_tuple()
        .all(db)
        .await?)
}

/// The customer's own active installation `installation_id`, or `NotFound` (another
/// customer's, or deactivated, is as if unknown).
pub async fn own_installation(
    db: &impl ConnectionTrait,
    org_id: i32,
    installation_id: &str,
) -> Result<installation::Model, AppError> {
    installation::Entity::find()
        .filter(installation::Column::InstallationId.eq(installation_id.trim().to_uppercase()))
        .filter(installation::Column::CustomerId.eq(org_id))
        .filter(installation::Column::Status.eq(ActiveStatus::Active))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The customer's active installations, by installation ID.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<Vec<SalesUnitRow>, AppError> {
    require_kind(db, actor, org_id, OrgKind::Customer).await?;
    let insts = installation::Entity::find()
        .filter(installation::Column::CustomerId.eq(org_id))
        .filter(installation::Column::Status.eq(ActiveStatus::Active))
        .order_by_asc(installation::Column::InstallationId)
        .limit(1000)
        .all(db)
        .await?;
    let products = products_on(db, &insts).await?;
    describe(db, &products, insts).await
}

/// One of the customer's active installations, with its whole history.
pub async fn detail(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
) -> Result<SalesUnitDetail, AppError> {
    let (_, role) = require_kind(db, actor, org_id, OrgKind::Customer).await?;
    let inst = own_installation(db, org_id, installation_id).await?;
    let logo_url = super::edit::logo_url(db, org_id, OrgKind::Customer, &inst).await?;
    let id = inst.id;
    let products = products_on(db, std::slice::from_ref(&inst)).await?;
    let unit = describe(db, &products, vec![inst])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(SalesUnitDetail {
        unit,
        subscriptions: Vec::new(),
        history: history(db, id, Condition::all(), None, super::detail::HISTORY_LIMIT).await?,
        can_edit: role == Role::Admin,
        logo_url,
    })
}
