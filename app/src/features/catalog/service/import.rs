//! Catalog files: validated JSON import, all or nothing (README, "Catalog format").
use crate::error::AppError;
use crate::features::catalog::dto::{FilterDimension, ImportReport};
use crate::server::audit;
use crate::server::clock::now;
use crate::server::entities::api_function as af;
use crate::server::scope::{require_operator_admin, Actor};
use crate::server::validate::is_key;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionTrait};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// The catalog file: `{"functions": [ ... ]}` (see README, "Catalog format").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    functions: Vec<CatalogEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogEntry {
    key: String,
    name: String,
    area: String,
    #[serde(default)]
    description: String,
    method: String,
    path: String,
    #[serde(default)]
    push: Option<PushSpec>,
    #[serde(default)]
    filters: Vec<FilterDimension>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PushSpec {
    event_types: Vec<String>,
}

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// Checks one entry; returns what is wrong with it.
fn entry_problems(e: &CatalogEntry) -> Vec<String> {
    let mut p = Vec::new();
    if !is_key(&e.key) {
        p.push("key must be lower-case words joined by dots, like estates.read".into());
    }
    if e.name.trim().is_empty() || e.name.len() > 200 {
        p.push("name must be 1 to 200 characters".into());
    }
    if e.area.trim().is_empty() || e.area.len() > 100 {
        p.push("area must be 1 to 100 characters".into());
    }
    if !METHODS.contains(&e.method.as_str()) {
        p.push(format!("method must be one of {}", METHODS.join(", ")));
    }
    if !e.path.starts_with('/') || e.path.len() > 300 {
        p.push("path must start with / and be at most 300 characters".into());
    }
    if let Some(push) = &e.push {
        if push.event_types.is_empty() {
            p.push("push needs at least one event type".into());
        }
        if push.event_types.iter().any(|t| !is_key(t)) {
            p.push("event types must look like estate.changed".into());
        }
    }
    let mut dims = HashSet::new();
    for d in &e.filters {
        if !is_key(&d.key) || !dims.insert(d.key.as_str()) {
            p.push(format!(
                "filter {:?} needs a unique key of lower-case letters, digits and _",
                d.key
            ));
        }
        if d.label.trim().is_empty() {
            p.push(format!("filter {:?} needs a label", d.key));
        }
        if d.free_text != d.values.is_empty() {
            p.push(format!(
                "filter {:?} needs either a list of values or \"free_text\": true",
                d.key
            ));
        }
    }
    p
}

/// Parses and validates a catalog file, reporting every problem by entry.
fn parse(json: &str) -> Result<Vec<CatalogEntry>, AppError> {
    let file: CatalogFile = serde_json::from_str(json).map_err(|e| {
        AppError::invalid(format!(
            "The catalog is not valid JSON of the expected shape: {e}"
        ))
    })?;
    if file.functions.is_empty() {
        return Err(AppError::invalid("The catalog has no functions."));
    }
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for (i, e) in file.functions.iter().enumerate() {
        let mut problems = entry_problems(e);
        if !seen.insert(e.key.as_str()) {
            problems.push("key appears more than once".into());
        }
        for pr in problems {
            errors.push(format!("Entry {} ({}): {pr}.", i + 1, e.key));
        }
    }
    if !errors.is_empty() {
        let more = errors.len().saturating_sub(20);
        let mut msg = errors.into_iter().take(20).collect::<Vec<_>>().join("\n");
        if more > 0 {
            msg.push_str(&format!("\n… and {more} more problems."));
        }
        return Err(AppError::Invalid(msg));
    }
    Ok(file.functions)
}

/// Imports (creates or updates by key) every function of a catalog file in one transaction.
/// Functions not in the file are left as they are: products may require them.
pub async fn import<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    json: &str,
) -> Result<ImportReport, AppError> {
    let entries = parse(json)?;
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let existing: BTreeMap<String, af::Model> = af::Entity::find()
                .all(txn)
                .await?
                .into_iter()
                .map(|f| (f.key.clone(), f))
                .collect();
            let mut report = ImportReport {
                created: 0,
                updated: 0,
                unchanged: 0,
            };
            for e in entries {
                let push =
                    serde_json::to_string(&e.push.map(|p| p.event_types).unwrap_or_default())
                        .unwrap_or_default();
                let filters = serde_json::to_string(&e.filters).unwrap_or_default();
                let description = e.description.trim().to_owned();
                match existing.get(&e.key) {
                    Some(f)
                        if f.name == e.name
                            && f.area == e.area
                            && f.description == description
                            && f.http_method == e.method
                            && f.path == e.path
                            && f.push_event_types == push
                            && f.filter_dimensions == filters =>
                    {
                        report.unchanged += 1;
                    }
                    Some(f) => {
                        let mut m: af::ActiveModel = f.clone().into();
                        m.name = Set(e.name);
                        m.area = Set(e.area);
                        m.description = Set(description);
                        m.http_method = Set(e.method);
                        m.path = Set(e.path);
                        m.push_event_types = Set(push);
                        m.filter_dimensions = Set(filters);
                        m.updated_at = Set(now());
                        m.update(txn).await?;
                        report.updated += 1;
                    }
                    None => {
                        af::ActiveModel {
                            key: Set(e.key),
                            name: Set(e.name),
                            area: Set(e.area),
                            description: Set(description),
                            http_method: Set(e.method),
                            path: Set(e.path),
                            push_event_types: Set(push),
                            filter_dimensions: Set(filters),
                            updated_at: Set(now()),
                            ..Default::default()
                        }
                        .insert(txn)
                        .await?;
                        report.created += 1;
                    }
                }
            }
            Ok(report)
        })
    })
    .await
}

/// The operator imports a catalog from the catalog page (an operator admin only).
pub async fn import_as<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    operator_org_id: i32,
    json: &str,
) -> Result<ImportReport, AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let report = import(db, json).await?;
    let details = format!(
        "{} created, {} updated, {} unchanged",
        report.created, report.updated, report.unchanged
    );
    audit::record(
        db,
        actor,
        Some(operator_org_id),
        "catalog.imported",
        "catalog",
        &details,
    )
    .await?;
    Ok(report)
}
