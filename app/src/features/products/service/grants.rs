//! A version's grants: the function picker's data and "Save changes" (one transaction, or
//! nothing), with filters checked against the catalog.
use super::versions::{grants_of, lock_reason, versions_of, working_version};
use super::{grant_filters, own_product};
use crate::error::AppError;
use crate::features::catalog;
use crate::features::products::dto::{GrantChange, GrantDto, GrantFilters, PickerData, SaveReport};
use crate::i18n::Lang;
use crate::server::audit;
use crate::server::entities::{api_function, version_grant};
use crate::server::scope::{require_partner, Actor};
use crate::server::Config;
use crate::t;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionTrait};
use std::collections::BTreeMap;

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
    let functions = catalog::service::all(db).await?;
    let keys: std::collections::HashMap<i32, &str> =
        functions.iter().map(|f| (f.id, f.key.as_str())).collect();
    let mut grants = Vec::new();
    for g in grants_of(db, v.id).await? {
        if let Some(key) = keys.get(&g.function_id) {
            grants.push(GrantDto {
                function_key: (*key).to_owned(),
                filters: grant_filters(&g)?,
            });
        }
    }
    Ok(PickerData {
        product_id: p.id,
        product_kind: p.kind,
        product_name: p.name,
        catalog: functions
            .iter()
            .map(catalog::service::to_dto)
            .collect::<Result<_, _>>()?,
        version: v.number,
        version_state: v.state,
        locked_reason: lock_reason(actor.lang, db, config, v).await?,
        grants,
    })
}

/// Checks chosen filters against the function's dimensions; drops unrestricted dimensions.
fn clean_filters(
    lang: Lang,
    f: &api_function::Model,
    filters: &GrantFilters,
) -> Result<GrantFilters, AppError> {
    let dims = catalog::service::dimensions(f)?;
    let mut out = BTreeMap::new();
    for (key, values) in filters {
        let dim = dims.iter().find(|d| &d.key == key).ok_or_else(|| {
            AppError::invalid(t!(
                lang,
                "grant-no-filter",
                function = f.key.clone(),
                filter = key.clone()
            ))
        })?;
        let mut vals: Vec<String> = values
            .iter()
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect();
        vals.sort();
        vals.dedup();
        if vals.len() > 100 || vals.iter().any(|v| v.chars().count() > 50) {
            return Err(AppError::invalid(t!(
                lang,
                "grant-too-many-values",
                filter = dim.label.clone()
            )));
        }
        if !dim.free_text {
            if let Some(bad) = vals.iter().find(|v| !dim.values.contains(v)) {
                return Err(AppError::invalid(t!(
                    lang,
                    "grant-bad-value",
                    filter = dim.label.clone(),
                    value = bad.clone(),
                    values = dim.values.join(", "),
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
        return Err(AppError::invalid(t!(actor.lang, "grant-too-many-changes")));
    }
    let functions =
        catalog::service::by_keys(db, changes.iter().map(|c| c.function_key.clone())).await?;
    let mut wanted: BTreeMap<i32, (String, bool, GrantFilters)> = BTreeMap::new();
    for c in &changes {
        let f = functions
            .iter()
            .find(|f| f.key == c.function_key)
            .ok_or_else(|| {
                AppError::invalid(t!(
                    actor.lang,
                    "grant-unknown-function",
                    key = c.function_key.clone()
                ))
            })?;
        let filters = if c.required {
            clean_filters(actor.lang, f, &c.filters)?
        } else {
            GrantFilters::new()
        };
        wanted.insert(f.id, (f.key.clone(), c.required, filters));
    }
    let (config, actor) = (config.clone(), actor.clone());
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let versions = versions_of(txn, p.id).await?;
            let v = working_version(&versions)
                .ok_or(AppError::NotFound)?
                .clone();
            if v.number != version {
                return Err(AppError::Conflict(t!(
                    actor.lang,
                    "grant-version-moved",
                    n = v.number
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
                        // An unreadable stored value counts as changed: it is replaced.
                        if grant_filters(g).ok().as_ref() != Some(&filters) {
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
                if let Some(reason) = lock_reason(actor.lang, txn, &config, &v).await? {
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
}
