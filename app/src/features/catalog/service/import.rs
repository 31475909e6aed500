//! Catalog files: validated JSON import, all or nothing (README, "Catalog format").
use crate::error::AppError;
use crate::features::catalog::dto::{FilterDimension, ImportReport};
use crate::i18n::Lang;
use crate::server::audit;
use crate::server::clock::now;
use crate::server::entities::api_function as af;
use crate::server::scope::{require_operator_admin, Actor};
use crate::server::validate::{is_key, is_object_type};
use crate::t;
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
    /// The sales object the function acts on (such as `estate`), when it acts on one.
    #[serde(default)]
    object_type: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PushSpec {
    event_types: Vec<String>,
}

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// Checks one entry; returns what is wrong with it.
fn entry_problems(lang: Lang, e: &CatalogEntry) -> Vec<String> {
    let mut p = Vec::new();
    if !is_key(&e.key) {
        p.push(t!(lang, "catalog-bad-key"));
    }
    if e.name.trim().is_empty() || e.name.len() > 200 {
        p.push(t!(lang, "catalog-bad-name"));
    }
    if e.area.trim().is_empty() || e.area.len() > 100 {
        p.push(t!(lang, "catalog-bad-area"));
    }
    if !METHODS.contains(&e.method.as_str()) {
        p.push(t!(lang, "catalog-bad-method", methods = METHODS.join(", ")));
    }
    if !e.path.starts_with('/') || e.path.len() > 300 {
        p.push(t!(lang, "catalog-bad-path"));
    }
    if let Some(push) = &e.push {
        if push.event_types.is_empty() {
            p.push(t!(lang, "catalog-push-empty"));
        }
        if push.event_types.iter().any(|t| !is_key(t)) {
            p.push(t!(lang, "catalog-bad-event-type"));
        }
    }
    if e.object_type.as_deref().is_some_and(|t| !is_object_type(t)) {
        p.push(t!(lang, "catalog-bad-object-type"));
    }
    let mut dims = HashSet::new();
    for d in &e.filters {
        if !is_key(&d.key) || !dims.insert(d.key.as_str()) {
            p.push(t!(
                lang,
                "catalog-filter-key",
                filter = format!("{:?}", d.key)
            ));
        }
        if d.label.trim().is_empty() {
            p.push(t!(
                lang,
                "catalog-filter-label",
                filter = format!("{:?}", d.key)
            ));
        }
        if d.free_text != d.values.is_empty() {
            p.push(t!(
                lang,
                "catalog-filter-values",
                filter = format!("{:?}", d.key)
            ));
        }
    }
    p
}

/// Parses and validates a catalog file, reporting every problem by entry.
fn parse(lang: Lang, json: &str) -> Result<Vec<CatalogEntry>, AppError> {
    let file: CatalogFile = serde_json::from_str(json)
        .map_err(|e| AppError::invalid(t!(lang, "catalog-not-json", error = e.to_string())))?;
    if file.functions.is_empty() {
        return Err(AppError::invalid(t!(lang, "catalog-empty-file")));
    }
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for (i, e) in file.functions.iter().enumerate() {
        let mut problems = entry_problems(lang, e);
        if !seen.insert(e.key.as_str()) {
            problems.push(t!(lang, "catalog-key-twice"));
        }
        for pr in problems {
            errors.push(t!(
                lang,
                "catalog-entry-problem",
                n = i + 1,
                key = e.key.clone(),
                problem = pr
            ));
        }
    }
    if !errors.is_empty() {
        let more = errors.len().saturating_sub(20);
        let mut msg = errors.into_iter().take(20).collect::<Vec<_>>().join("\n");
        if more > 0 {
            msg.push('\n');
            msg.push_str(&t!(lang, "catalog-more-problems", count = more));
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
    import_in(Lang::En, db, json).await
}

/// [`import`], explaining a bad file in `lang`.
pub async fn import_in<C: ConnectionTrait + TransactionTrait>(
    lang: Lang,
    db: &C,
    json: &str,
) -> Result<ImportReport, AppError> {
    let entries = parse(lang, json)?;
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
                            && f.filter_dimensions == filters
                            && f.object_type == e.object_type =>
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
                        m.object_type = Set(e.object_type);
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
                            object_type: Set(e.object_type),
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
    let report = import_in(actor.lang, db, json).await?;
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
