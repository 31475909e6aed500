//! Product versions and their grants: the function picker's data and "Save changes" (one
//! transaction), rule 3 (an activated version is read-only outside `test` unless only the
//! sandbox has it), "New version", discarding a draft and "Activate".
use super::products::{own_product, require_partner, require_partner_admin, STATUS_ACTIVE};
use super::{audit, catalog, now, Actor};
use crate::dto::{
    Environment, FilterDimension, GrantChange, GrantDto, GrantFilters, PickerData, SaveReport,
};
use crate::error::AppError;
use crate::server::entities::{
    activation, api_function, installation, product, product_version as pv, upgrade_notification,
    version_grant,
};
use crate::server::Config;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use std::collections::BTreeMap;

pub const STATE_DRAFT: &str = "draft";
pub const STATE_ACTIVE: &str = "active";
pub const STATE_SUPERSEDED: &str = "superseded";

pub(crate) async fn insert_version(
    db: &impl ConnectionTrait,
    product_id: i32,
    number: i32,
) -> Result<pv::Model, AppError> {
    Ok(pv::ActiveModel {
        product_id: Set(product_id),
        number: Set(number),
        state: Set(STATE_DRAFT.to_owned()),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The version "Change functions" works on: the draft if there is one, else the active one,
/// else the newest.
pub(crate) fn working_version(versions: &[pv::Model]) -> Option<&pv::Model> {
    versions
        .iter()
        .find(|v| v.state == STATE_DRAFT)
        .or_else(|| versions.iter().find(|v| v.state == STATE_ACTIVE))
        .or_else(|| versions.iter().max_by_key(|v| v.number))
}

async fn versions_of(
    db: &impl ConnectionTrait,
    product_id: i32,
) -> Result<Vec<pv::Model>, AppError> {
    Ok(pv::Entity::find()
        .filter(pv::Column::ProductId.eq(product_id))
        .order_by_asc(pv::Column::Number)
        .all(db)
        .await?)
}

/// Why a version's functions cannot change (rule 3), or `None` when they can.
pub async fn lock_reason(
    db: &impl ConnectionTrait,
    config: &Config,
    v: &pv::Model,
) -> Result<Option<String>, AppError> {
    match v.state.as_str() {
        STATE_DRAFT => Ok(None),
        STATE_SUPERSEDED => Ok(Some(format!(
            "Version {} has been superseded and cannot change.",
            v.number
        ))),
        _ if config.env == Environment::Test => Ok(None),
        _ => {
            let acts = activation::Entity::find()
                .filter(activation::Column::VersionId.eq(v.id))
                .filter(activation::Column::Status.eq(STATUS_ACTIVE))
                .all(db)
                .await?;
            let sandbox_ids: Vec<i32> = installation::Entity::find()
                .filter(installation::Column::IsSandbox.eq(true))
                .all(db)
                .await?
                .into_iter()
                .map(|i| i.id)
                .collect();
            if acts
                .iter()
                .any(|a| !sandbox_ids.contains(&a.installation_id))
            {
                Ok(Some(format!(
                    "Version {} is active on customer installations, so its functions cannot change. Create a new version to change them.",
                    v.number
                )))
            } else {
                Ok(None)
            }
        }
    }
}

async fn grants_of(
    db: &impl ConnectionTrait,
    version_id: i32,
) -> Result<Vec<version_grant::Model>, AppError> {
    Ok(version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.eq(version_id))
        .all(db)
        .await?)
}

/// Everything the function picker needs.
pub async fn picker(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<PickerData, AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let versions = versions_of(db, p.id).await?;
    let v = working_version(&versions).ok_or(AppError::NotFound)?;
    let functions = catalog::all(db).await?;
    let grants = grants_of(db, v.id)
        .await?
        .into_iter()
        .filter_map(|g| {
            let f = functions.iter().find(|f| f.id == g.function_id)?;
            Some(GrantDto {
                function_key: f.key.clone(),
                filters: serde_json::from_str(&g.filters).unwrap_or_default(),
            })
        })
        .collect();
    Ok(PickerData {
        product_id: p.id,
        product_name: p.name,
        catalog: functions.iter().map(catalog::to_dto).collect(),
        version: v.number,
        version_state: v.state.clone(),
        locked_reason: lock_reason(db, config, v).await?,
        grants,
    })
}

/// Checks chosen filters against the function's dimensions; drops unrestricted dimensions.
fn clean_filters(
    f: &api_function::Model,
    filters: &GrantFilters,
) -> Result<GrantFilters, AppError> {
    let dims: Vec<FilterDimension> = serde_json::from_str(&f.filter_dimensions).unwrap_or_default();
    let mut out = BTreeMap::new();
    for (key, values) in filters {
        let dim = dims
            .iter()
            .find(|d| &d.key == key)
            .ok_or_else(|| AppError::invalid(format!("{} has no filter {key}.", f.key)))?;
        let mut vals: Vec<String> = values
            .iter()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        vals.sort();
        vals.dedup();
        if vals.len() > 100 || vals.iter().any(|v| v.chars().count() > 50) {
            return Err(AppError::invalid(format!(
                "{}: at most 100 values of at most 50 characters each.",
                dim.label
            )));
        }
        if !dim.free_text {
            if let Some(bad) = vals.iter().find(|v| !dim.values.contains(v)) {
                return Err(AppError::invalid(format!(
                    "{}: {bad} is not one of {}.",
                    dim.label,
                    dim.values.join(", ")
                )));
            }
        }
        if !vals.is_empty() {
            out.insert(key.clone(), vals);
        }
    }
    Ok(out)
}

/// "Save changes": applies every change to the working version in one transaction, or none.
/// `version` is the version the picker was opened on; if another one is now the working
/// version the save is refused so nobody overwrites what they have not seen.
pub async fn save_grants<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    version: i32,
    changes: Vec<GrantChange>,
) -> Result<SaveReport, AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    if changes.len() > 2000 {
        return Err(AppError::invalid("Too many changes in one save."));
    }
    let functions = catalog::all(db).await?;
    let mut wanted: BTreeMap<i32, (String, bool, GrantFilters)> = BTreeMap::new();
    for c in &changes {
        let f = functions
            .iter()
            .find(|f| f.key == c.function_key)
            .ok_or_else(|| AppError::invalid(format!("Unknown function {}.", c.function_key)))?;
        let filters = if c.required {
            clean_filters(f, &c.filters)?
        } else {
            GrantFilters::new()
        };
        wanted.insert(f.id, (f.key.clone(), c.required, filters));
    }
    let (config, actor) = (config.clone(), actor.clone());
    db.transaction::<_, SaveReport, AppError>(|txn| {
        Box::pin(async move {
            let versions = versions_of(txn, p.id).await?;
            let v = working_version(&versions)
                .ok_or(AppError::NotFound)?
                .clone();
            if v.number != version {
                return Err(AppError::Conflict(format!(
                    "Version {} is now the one to change. Reload the page to see it.",
                    v.number
                )));
            }
            let existing = grants_of(txn, v.id).await?;
            let mut report = SaveReport {
                version: v.number,
                added: vec![],
                removed: vec![],
                changed: vec![],
            };
            for (function_id, (key, required, filters)) in wanted {
                let json = serde_json::to_string(&filters).unwrap_or_else(|_| "{}".into());
                match (
                    existing.iter().find(|g| g.function_id == function_id),
                    required,
                ) {
                    (None, true) => {
                        version_grant::ActiveModel {
                            version_id: Set(v.id),
                            function_id: Set(function_id),
                            filters: Set(json),
                            ..Default::default()
                        }
                        .insert(txn)
                        .await?;
                        report.added.push(key);
                    }
                    (Some(g), true) => {
                        let old: GrantFilters =
                            serde_json::from_str(&g.filters).unwrap_or_default();
                        if old != filters {
                            let mut m: version_grant::ActiveModel = g.clone().into();
                            m.filters = Set(json);
                            m.update(txn).await?;
                            report.changed.push(key);
                        }
                    }
                    (Some(g), false) => {
                        version_grant::Entity::delete_by_id(g.id).exec(txn).await?;
                        report.removed.push(key);
                    }
                    (None, false) => {}
                }
            }
            let touched = !(report.added.is_empty()
                && report.removed.is_empty()
                && report.changed.is_empty());
            if touched {
                if let Some(reason) = lock_reason(txn, &config, &v).await? {
                    return Err(AppError::Conflict(reason));
                }
                let details = format!(
                    "version {}: +{:?} -{:?} ~{:?}",
                    v.number, report.added, report.removed, report.changed
                );
                audit::record(
                    txn,
                    &actor,
                    Some(org_id),
                    "product.functions_changed",
                    &p.name,
                    &details,
                )
                .await?;
            }
            Ok(report)
        })
    })
    .await
    .map_err(Into::into)
}

/// "New version": draft N+1, a copy of the newest version's grants.
pub async fn new_version<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<i32, AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let actor = actor.clone();
    db.transaction::<_, i32, AppError>(|txn| {
        Box::pin(async move {
            let versions = versions_of(txn, p.id).await?;
            if let Some(d) = versions.iter().find(|v| v.state == STATE_DRAFT) {
                return Err(AppError::Conflict(format!(
                    "Version {} is already a draft: change that one.",
                    d.number
                )));
            }
            let newest = versions
                .iter()
                .max_by_key(|v| v.number)
                .ok_or(AppError::NotFound)?;
            let draft = insert_version(txn, p.id, newest.number + 1).await?;
            for g in grants_of(txn, newest.id).await? {
                version_grant::ActiveModel {
                    version_id: Set(draft.id),
                    function_id: Set(g.function_id),
                    filters: Set(g.filters),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
            }
            audit::record(
                txn,
                &actor,
                Some(org_id),
                "product.version_created",
                &p.name,
                &format!("version {}", draft.number),
            )
            .await?;
            Ok(draft.number)
        })
    })
    .await
    .map_err(Into::into)
}

/// Discards the draft version, unless it is the product's only version.
pub async fn discard_draft(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<(), AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let versions = versions_of(db, p.id).await?;
    let draft = versions
        .iter()
        .find(|v| v.state == STATE_DRAFT)
        .ok_or(AppError::Conflict("There is no draft to discard.".into()))?;
    if versions.len() == 1 {
        return Err(AppError::Conflict(
            "The first version cannot be discarded; retire the product instead.".into(),
        ));
    }
    pv::Entity::delete_by_id(draft.id).exec(db).await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "product.draft_discarded",
        &p.name,
        &format!("version {}", draft.number),
    )
    .await
}

/// "Activate": the draft becomes the active version, the previous one is superseded, and every
/// installation on an older version is queued for an upgrade notification. Admins only.
pub async fn activate<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    note: Option<String>,
) -> Result<i32, AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let note = super::validate::optional(note.as_deref(), 2000, "The note to customers")?;
    let actor = actor.clone();
    db.transaction::<_, i32, AppError>(|txn| {
        Box::pin(async move {
            let versions = versions_of(txn, p.id).await?;
            let draft = versions
                .iter()
                .find(|v| v.state == STATE_DRAFT)
                .ok_or(AppError::Conflict(
                    "There is no draft version to activate.".into(),
                ))?
                .clone();
            if version_grant::Entity::find()
                .filter(version_grant::Column::VersionId.eq(draft.id))
                .count(txn)
                .await?
                == 0
            {
                return Err(AppError::invalid(
                    "Require at least one function before activating.",
                ));
            }
            for old in versions.iter().filter(|v| v.state == STATE_ACTIVE) {
                let mut m: pv::ActiveModel = old.clone().into();
                m.state = Set(STATE_SUPERSEDED.to_owned());
                m.update(txn).await?;
            }
            let number = draft.number;
            let mut m: pv::ActiveModel = draft.clone().into();
            m.state = Set(STATE_ACTIVE.to_owned());
            m.note = Set(note);
            m.activated_at = Set(Some(now()));
            m.update(txn).await?;
            let name = p.name.clone();
            let mut pm: product::ActiveModel = p.clone().into();
            pm.status = Set(STATUS_ACTIVE.to_owned());
            pm.updated_at = Set(now());
            pm.update(txn).await?;
            let behind = activation::Entity::find()
                .filter(activation::Column::ProductId.eq(p.id))
                .filter(activation::Column::Status.eq(STATUS_ACTIVE))
                .filter(activation::Column::VersionId.ne(draft.id))
                .all(txn)
                .await?;
            for a in &behind {
                upgrade_notification::ActiveModel {
                    product_id: Set(p.id),
                    version_id: Set(draft.id),
                    installation_id: Set(a.installation_id),
                    created_at: Set(now()),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
            }
            let details = format!("version {number}; {} installations to notify", behind.len());
            audit::record(
                txn,
                &actor,
                Some(org_id),
                "product.version_activated",
                &name,
                &details,
            )
            .await?;
            Ok(number)
        })
    })
    .await
    .map_err(Into::into)
}

/// Records an installation's activation of a product at its active version. The customer
/// administrators' screens that call it come with the customer issue; seeds and tests use it now.
pub async fn record_activation(
    db: &impl ConnectionTrait,
    installation_id: &str,
    product_id: i32,
    by: Option<i32>,
) -> Result<(), AppError> {
    let inst = installation::Entity::find()
        .filter(installation::Column::InstallationId.eq(installation_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let active = pv::Entity::find()
        .filter(pv::Column::ProductId.eq(product_id))
        .filter(pv::Column::State.eq(STATE_ACTIVE))
        .one(db)
        .await?
        .ok_or_else(|| AppError::Conflict("The product has no active version.".into()))?;
    let existing = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::ProductId.eq(product_id))
        .one(db)
        .await?;
    if existing.is_some() {
        return Ok(());
    }
    activation::ActiveModel {
        installation_id: Set(inst.id),
        product_id: Set(product_id),
        version_id: Set(active.id),
        status: Set(STATUS_ACTIVE.to_owned()),
        activated_by: Set(by),
        activated_at: Set(now()),
        updated_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let target = super::suppliers::history_target(&inst, product_id);
    let what = format!("Activated version {}", active.number);
    audit::record(
        db,
        &Actor::cli(),
        None,
        "activation.activated",
        &target,
        &what,
    )
    .await
}
