//! Exactly what moving an installation from one version to another changes (rule 5).
use crate::error::AppError;
use crate::features::activations::dto::{FilterChange, FunctionRef, VersionDiff};
use crate::features::catalog;
use crate::features::products::dto::GrantFilters;
use crate::features::products::service::{describe_filters, grant_filters};
use crate::server::entities::{api_function, product_version as pv, version_grant};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, BTreeSet};

/// A version's grants by function ID.
pub(super) async fn grants_of(
    db: &impl ConnectionTrait,
    version_id: i32,
) -> Result<BTreeMap<i32, GrantFilters>, AppError> {
    Ok(version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.eq(version_id))
        .all(db)
        .await?
        .iter()
        .map(|g| Ok((g.function_id, grant_filters(g)?)))
        .collect::<Result<_, AppError>>()?)
}

/// A function as the panel lists it, with its filters in words.
pub(super) fn function_ref(
    f: &api_function::Model,
    filters: &GrantFilters,
) -> Result<FunctionRef, AppError> {
    Ok(FunctionRef {
        key: f.key.clone(),
        name: f.name.clone(),
        area: f.area.clone(),
        description: f.description.clone(),
        filters: describe_filters(f, filters)?,
    })
}

/// The push event types of the granted functions.
pub(super) fn event_types(
    functions: &[api_function::Model],
    grants: &BTreeMap<i32, GrantFilters>,
) -> Result<BTreeSet<String>, AppError> {
    let mut out = BTreeSet::new();
    for f in functions.iter().filter(|f| grants.contains_key(&f.id)) {
        out.extend(catalog::service::event_types(f)?);
    }
    Ok(out)
}

/// Exactly what moving from one version to another changes: added and removed functions,
/// changed filters, added push event types, and the partner's note on the new version.
pub async fn version_diff(
    db: &impl ConnectionTrait,
    from: &pv::Model,
    to: &pv::Model,
) -> Result<VersionDiff, AppError> {
    let (old, new) = (grants_of(db, from.id).await?, grants_of(db, to.id).await?);
    let functions = catalog::service::by_ids(db, old.keys().chain(new.keys()).copied()).await?;
    let by_id = |id: &i32| functions.iter().find(|f| f.id == *id);
    let describe = |f: &api_function::Model, g: &GrantFilters| -> Result<String, AppError> {
        // Empty: no restriction (the page says so in its reader's language).
        Ok(describe_filters(f, g)?.join("; "))
    };
    // The functions of `a` that `b` lacks, as the panel lists them.
    let only_in = |a: &BTreeMap<i32, GrantFilters>, b: &BTreeMap<i32, GrantFilters>| {
        a.iter()
            .filter(|(id, _)| !b.contains_key(id))
            .filter_map(|(id, g)| by_id(id).map(|f| function_ref(f, g)))
            .collect::<Result<Vec<_>, AppError>>()
    };
    let mut diff = VersionDiff {
        from: from.number,
        to: to.number,
        added: only_in(&new, &old)?,
        removed: only_in(&old, &new)?,
        filter_changes: Vec::new(),
        added_event_types: event_types(&functions, &new)?
            .difference(&event_types(&functions, &old)?)
            .cloned()
            .collect(),
        note: to.note.clone(),
    };
    for (id, after) in &new {
        if let (Some(before), Some(f)) = (old.get(id), by_id(id)) {
            if before != after {
                diff.filter_changes.push(FilterChange {
                    function: f.name.clone(),
                    before: describe(f, before)?,
                    after: describe(f, after)?,
                });
            }
        }
    }
    for list in [&mut diff.added, &mut diff.removed] {
        list.sort_by(|a, b| (&a.area, &a.key).cmp(&(&b.area, &b.key)));
    }
    Ok(diff)
}
