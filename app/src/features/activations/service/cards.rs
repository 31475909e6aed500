//! The suppliers page of an installation and a product's panel: one card per product that is
//! active there or available to it (upgradable first, then active, then available).
use super::diff::{event_types, function_ref, grants_of, version_diff};
use crate::error::AppError;
use crate::features::activations::dto::{
    CardState, FunctionRef, HistoryEntry, ProductCard, ProductPanel, SuppliersPage,
};
use crate::features::catalog;
use crate::features::products::dto::InstallationRef;
use crate::glossary::{AccessMode, ActiveStatus, ProductStatus, Role, VersionState};
use crate::server::clock::local;
use crate::server::entities::{
    activation, audit_entry, installation, organization, product, product_access, product_logo,
    product_version as pv,
};
use crate::server::scope::{require_customer, Actor};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::BTreeSet;

/// The customer's active installations, by installation ID.
async fn installations_of(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<Vec<installation::Model>, AppError> {
    Ok(installation::Entity::find()
        .filter(installation::Column::CustomerId.eq(org_id))
        .filter(installation::Column::Status.eq(ActiveStatus::Active))
        .order_by_asc(installation::Column::InstallationId)
        .all(db)
        .await?)
}

/// One of the customer's installations by its ID; another customer's is "not found".
pub(super) async fn own_installation(
    db: &impl ConnectionTrait,
    org_id: i32,
    installation_id: &str,
) -> Result<installation::Model, AppError> {
    installations_of(db, org_id)
        .await?
        .into_iter()
        .find(|i| i.installation_id == installation_id.trim().to_uppercase())
        .ok_or(AppError::NotFound)
}

fn inst_ref(i: &installation::Model) -> InstallationRef {
    InstallationRef {
        installation_id: i.installation_id.clone(),
        name: i.name.clone(),
        is_sandbox: i.is_sandbox,
    }
}

/// What the audit log and the history call this product on this installation.
pub fn history_target(inst: &installation::Model, product_id: i32) -> String {
    format!("{}:{product_id}", inst.installation_id)
}

/// A card with the product and version rows it was computed from.
pub(super) struct CardRow {
    pub card: ProductCard,
    pub product: product::Model,
    /// The version the installation runs (or would activate).
    pub version: pv::Model,
    /// The active version when it is newer than the installation's.
    pub newer: Option<pv::Model>,
}

/// The cards of an installation, optionally only for one product. Activated products are
/// always shown; others only when available (active, and open to this installation).
pub(super) async fn cards(
    db: &impl ConnectionTrait,
    inst: &installation::Model,
    only: Option<i32>,
) -> Result<Vec<CardRow>, AppError> {
    let mut acts_q =
        activation::Entity::find().filter(activation::Column::InstallationId.eq(inst.id));
    let mut prod_q = product::Entity::find();
    if let Some(pid) = only {
        acts_q = acts_q.filter(activation::Column::ProductId.eq(pid));
        prod_q = prod_q.filter(product::Column::Id.eq(pid));
    }
    let acts = acts_q.all(db).await?;
    let listed: BTreeSet<i32> = product_access::Entity::find()
        .filter(product_access::Column::InstallationId.eq(inst.id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.product_id)
        .collect();
    let products = prod_q.all(db).await?;
    let ids: Vec<i32> = products.iter().map(|p| p.id).collect();
    let versions = pv::Entity::find()
        .filter(pv::Column::ProductId.is_in(ids.clone()))
        .all(db)
        .await?;
    let partners = organization::Entity::find()
        .filter(organization::Column::Id.is_in(products.iter().map(|p| p.partner_id)))
        .all(db)
        .await?;
    let logos: BTreeSet<i32> = product_logo::Entity::find()
        .select_only()
        .column(product_logo::Column::ProductId)
        .filter(product_logo::Column::ProductId.is_in(ids))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut out = Vec::new();
    for p in products {
        let active = versions
            .iter()
            .find(|v| v.product_id == p.id && v.state == VersionState::Active);
        let act = acts.iter().find(|a| a.product_id == p.id);
        let available = p.status == ProductStatus::Active
            && active.is_some()
            && (p.access_mode == AccessMode::All || listed.contains(&p.id));
        let (state, version, newer) = match (act, active) {
            (Some(a), latest) if a.status == ActiveStatus::Active => {
                let Some(mine) = versions.iter().find(|v| v.id == a.version_id) else {
                    continue;
                };
                match latest {
                    Some(l) if l.id != mine.id && l.number > mine.number => (
                        CardState::UpgradeAvailable {
                            current: mine.number,
                            latest: l.number,
                        },
                        mine.clone(),
                        Some(l.clone()),
                    ),
                    _ => (
                        CardState::Active {
                            version: mine.number,
                        },
                        mine.clone(),
                        None,
                    ),
                }
            }
            (a, Some(l)) if available => (
                CardState::Available {
                    version: l.number,
                    deactivated: a.is_some(),
                },
                l.clone(),
                None,
            ),
            _ => continue,
        };
        let partner = partners
            .iter()
            .find(|o| o.id == p.partner_id)
            .map(|o| o.name.clone())
            .unwrap_or_default();
        let card = ProductCard {
            product_id: p.id,
            name: p.name.clone(),
            partner,
            kind: p.kind,
            has_logo: logos.contains(&p.id),
            state,
        };
        out.push(CardRow {
            card,
            product: p,
            version,
            newer,
        });
    }
    out.sort_by(|a, b| {
        (a.card.state.rank(), a.card.name.to_lowercase())
            .cmp(&(b.card.state.rank(), b.card.name.to_lowercase()))
    });
    Ok(out)
}

/// The suppliers page: the chosen installation (or the first), its cards, searchable by
/// product or partner name and filterable by kind. Any member may look.
pub async fn suppliers_page(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    search: &str,
    kind: &str,
) -> Result<SuppliersPage, AppError> {
    let role = require_customer(db, actor, org_id).await?;
    let insts = installations_of(db, org_id).await?;
    let wanted = installation_id.trim().to_uppercase();
    let chosen = if wanted.is_empty() {
        insts.first()
    } else {
        // Another customer's installation (or a mistyped ID) is not silently swapped for ours.
        Some(
            insts
                .iter()
                .find(|i| i.installation_id == wanted)
                .ok_or(AppError::NotFound)?,
        )
    };
    let needle = search.trim().to_lowercase();
    let cards = match chosen {
        Some(i) => cards(db, i, None)
            .await?
            .into_iter()
            .map(|r| r.card)
            .filter(|c| kind.is_empty() || c.kind.as_str() == kind)
            .filter(|c| {
                needle.is_empty()
                    || c.name.to_lowercase().contains(&needle)
                    || c.partner.to_lowercase().contains(&needle)
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(SuppliersPage {
        installations: insts.iter().map(inst_ref).collect(),
        installation: chosen.map(inst_ref),
        cards,
        can_act: role == Role::Admin,
    })
}

/// What a version may access, in the panel's plain words by area, and its push event types:
/// also what a product order shows the customer before it consents.
pub async fn version_access(
    db: &impl ConnectionTrait,
    version_id: i32,
) -> Result<(Vec<FunctionRef>, Vec<String>), AppError> {
    let grants = grants_of(db, version_id).await?;
    let functions = catalog::service::by_ids(db, grants.keys().copied()).await?;
    let mut refs: Vec<FunctionRef> = Vec::new();
    for f in &functions {
        if let Some(g) = grants.get(&f.id) {
            refs.push(function_ref(f, g)?);
        }
    }
    refs.sort_by(|a, b| (&a.area, &a.key).cmp(&(&b.area, &b.key)));
    let events = event_types(&functions, &grants)?.into_iter().collect();
    Ok((refs, events))
}

/// A product's panel for one installation.
pub async fn panel(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    product_id: i32,
) -> Result<ProductPanel, AppError> {
    let role = require_customer(db, actor, org_id).await?;
    let inst = own_installation(db, org_id, installation_id).await?;
    let row = cards(db, &inst, Some(product_id))
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let (refs, event_types) = version_access(db, row.version.id).await?;
    let upgrade = match &row.newer {
        Some(newer) => Some(version_diff(db, &row.version, newer).await?),
        None => None,
    };
    let history = audit_entry::Entity::find()
        .filter(audit_entry::Column::Target.eq(history_target(&inst, product_id)))
        .order_by_desc(audit_entry::Column::Id)
        .limit(50)
        .all(db)
        .await?
        .into_iter()
        .map(|e| HistoryEntry {
            at: local(e.at),
            who: e.actor,
            action: e.action,
            // "Upgraded from version 1 to version 2": the numbers, for the page's own words.
            versions: e
                .details
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .collect(),
            what: e.details,
        })
        .collect();
    Ok(ProductPanel {
        card: row.card,
        description: row.product.description.clone(),
        support_email: row.product.support_email.clone(),
        support_url: row.product.support_url.clone(),
        version: row.version.number,
        event_types,
        functions: refs,
        upgrade,
        history,
        can_act: role == Role::Admin,
    })
}
