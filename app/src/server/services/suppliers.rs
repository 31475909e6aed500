//! The customer side: the suppliers page of an installation, a product's panel, the exact
//! difference between two versions (rule 5), and activating, upgrading and deactivating.
//! Upgrades are compare-and-set, so of two administrators upgrading at once exactly one wins.
use super::products::{describe_filters, STATUS_ACTIVE};
use super::versions::STATE_ACTIVE;
use super::{audit, catalog, now, orgs, Actor};
use crate::dto::{
    AccessMode, CardState, FilterChange, FunctionRef, GrantFilters, HistoryEntry, InstallationRef,
    OrgKind, ProductCard, ProductKind, ProductPanel, Role, SuppliersPage, VersionDiff,
};
use crate::error::AppError;
use crate::server::entities::{
    activation, api_function, audit_entry, installation, organization, product, product_access,
    product_logo, product_version as pv, version_grant,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

pub const ACTIVATION_DEACTIVATED: &str = "deactivated";

/// The actor must be a member of `org_id`, and it must be a customer.
async fn require_customer(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<Role, AppError> {
    let (org, role) = orgs::require_member(db, actor, org_id).await?;
    if orgs::kind_of(&org) != OrgKind::Customer {
        return Err(AppError::Forbidden);
    }
    Ok(role)
}

async fn require_customer_admin(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<(), AppError> {
    match require_customer(db, actor, org_id).await? {
        Role::Admin => Ok(()),
        Role::Member => Err(AppError::Forbidden),
    }
}

/// The customer's active installations, by installation ID.
async fn installations_of(
    db: &impl ConnectionTrait,
    org_id: i32,
) -> Result<Vec<installation::Model>, AppError> {
    Ok(installation::Entity::find()
        .filter(installation::Column::CustomerId.eq(org_id))
        .filter(installation::Column::Status.eq(orgs::STATUS_ACTIVE))
        .order_by_asc(installation::Column::InstallationId)
        .all(db)
        .await?)
}

/// One of the customer's installations by its ID; another customer's is "not found".
async fn own_installation(
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
pub(crate) fn history_target(inst: &installation::Model, product_id: i32) -> String {
    format!("{}:{product_id}", inst.installation_id)
}

/// A card with the product and version rows it was computed from.
struct CardRow {
    card: ProductCard,
    product: product::Model,
    /// The version the installation runs (or would activate).
    version: pv::Model,
    /// The active version when it is newer than the installation's.
    newer: Option<pv::Model>,
}

/// The cards of an installation, optionally only for one product. Activated products are
/// always shown; others only when available (active, and open to this installation).
async fn cards(
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
            .find(|v| v.product_id == p.id && v.state == STATE_ACTIVE);
        let act = acts.iter().find(|a| a.product_id == p.id);
        let available = p.status == STATUS_ACTIVE
            && active.is_some()
            && (AccessMode::from_str(&p.access_mode) == Ok(AccessMode::All)
                || listed.contains(&p.id));
        let (state, version, newer) = match (act, active) {
            (Some(a), latest) if a.status == STATUS_ACTIVE => {
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
            kind: ProductKind::from_str(&p.kind).unwrap_or(ProductKind::Rights),
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

async fn grants_of(
    db: &impl ConnectionTrait,
    version_id: i32,
) -> Result<BTreeMap<i32, GrantFilters>, AppError> {
    Ok(version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.eq(version_id))
        .all(db)
        .await?
        .into_iter()
        .map(|g| {
            (
                g.function_id,
                serde_json::from_str(&g.filters).unwrap_or_default(),
            )
        })
        .collect())
}

fn function_ref(f: &api_function::Model, filters: &GrantFilters) -> FunctionRef {
    FunctionRef {
        key: f.key.clone(),
        name: f.name.clone(),
        area: f.area.clone(),
        description: f.description.clone(),
        filters: describe_filters(f, filters),
    }
}

fn event_types(
    functions: &[api_function::Model],
    grants: &BTreeMap<i32, GrantFilters>,
) -> BTreeSet<String> {
    functions
        .iter()
        .filter(|f| grants.contains_key(&f.id))
        .flat_map(|f| serde_json::from_str::<Vec<String>>(&f.push_event_types).unwrap_or_default())
        .collect()
}

/// Exactly what moving from one version to another changes: added and removed functions,
/// changed filters, added push event types, and the partner's note on the new version.
pub async fn version_diff(
    db: &impl ConnectionTrait,
    from: &pv::Model,
    to: &pv::Model,
) -> Result<VersionDiff, AppError> {
    let functions = catalog::all(db).await?;
    let (old, new) = (grants_of(db, from.id).await?, grants_of(db, to.id).await?);
    let by_id = |id: &i32| functions.iter().find(|f| f.id == *id);
    let describe = |f: &api_function::Model, g: &GrantFilters| {
        let d = describe_filters(f, g);
        if d.is_empty() {
            "No restriction".to_string()
        } else {
            d.join("; ")
        }
    };
    let mut diff = VersionDiff {
        from: from.number,
        to: to.number,
        added: new
            .iter()
            .filter(|(id, _)| !old.contains_key(id))
            .filter_map(|(id, g)| by_id(id).map(|f| function_ref(f, g)))
            .collect(),
        removed: old
            .iter()
            .filter(|(id, _)| !new.contains_key(id))
            .filter_map(|(id, g)| by_id(id).map(|f| function_ref(f, g)))
            .collect(),
        filter_changes: Vec::new(),
        added_event_types: event_types(&functions, &new)
            .difference(&event_types(&functions, &old))
            .cloned()
            .collect(),
        note: to.note.clone(),
    };
    for (id, after) in &new {
        if let (Some(before), Some(f)) = (old.get(id), by_id(id)) {
            if before != after {
                diff.filter_changes.push(FilterChange {
                    function: f.name.clone(),
                    before: describe(f, before),
                    after: describe(f, after),
                });
            }
        }
    }
    for list in [&mut diff.added, &mut diff.removed] {
        list.sort_by(|a, b| (&a.area, &a.key).cmp(&(&b.area, &b.key)));
    }
    Ok(diff)
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
    let functions = catalog::all(db).await?;
    let grants = grants_of(db, row.version.id).await?;
    let mut refs: Vec<FunctionRef> = functions
        .iter()
        .filter_map(|f| grants.get(&f.id).map(|g| function_ref(f, g)))
        .collect();
    refs.sort_by(|a, b| (&a.area, &a.key).cmp(&(&b.area, &b.key)));
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
            at: e.at.format("%Y-%m-%d %H:%M UTC").to_string(),
            who: e.actor,
            what: e.details,
        })
        .collect();
    Ok(ProductPanel {
        card: row.card,
        description: row.product.description.clone(),
        support_email: row.product.support_email.clone(),
        support_url: row.product.support_url.clone(),
        version: row.version.number,
        event_types: event_types(&functions, &grants).into_iter().collect(),
        functions: refs,
        upgrade,
        history,
        can_act: role == Role::Admin,
    })
}

/// "Activate product" at the version the administrator reviewed (which must still be the active
/// one). A deactivated product is activated again.
pub async fn activate(
    db: &impl ConnectionTrait,
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
        return Err(AppError::Conflict(format!(
            "{} is already active on {}.",
            row.card.name, inst.installation_id
        )));
    };
    if latest != version {
        return Err(AppError::Conflict(format!(
            "Version {latest} is now the active version: review it before activating."
        )));
    }
    let existing = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::ProductId.eq(product_id))
        .one(db)
        .await?;
    match existing {
        Some(a) => {
            let mut m: activation::ActiveModel = a.into();
            m.status = Set(STATUS_ACTIVE.to_owned());
            m.version_id = Set(row.version.id);
            m.activated_by = Set(actor.user_id);
            m.activated_at = Set(now());
            m.updated_at = Set(now());
            m.update(db).await?;
        }
        None => {
            activation::ActiveModel {
                installation_id: Set(inst.id),
                product_id: Set(product_id),
                version_id: Set(row.version.id),
                status: Set(STATUS_ACTIVE.to_owned()),
                activated_by: Set(actor.user_id),
                activated_at: Set(now()),
                updated_at: Set(now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    let what = format!("Activated version {version}");
    audit::record(
        db,
        actor,
        Some(org_id),
        "activation.activated",
        &history_target(&inst, product_id),
        &what,
    )
    .await
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
    require_customer_admin(db, actor, org_id).await?;
    let inst = own_installation(db, org_id, installation_id).await?;
    let act = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::ProductId.eq(product_id))
        .filter(activation::Column::Status.eq(STATUS_ACTIVE))
        .one(db)
        .await?
        .ok_or_else(|| {
            AppError::Conflict("The product is not active on this installation.".into())
        })?;
    let active = pv::Entity::find()
        .filter(pv::Column::ProductId.eq(product_id))
        .filter(pv::Column::State.eq(STATE_ACTIVE))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if active.number != to_version {
        return Err(AppError::Conflict(format!(
            "Version {to_version} is no longer the active version; version {} is. Review it first.",
            active.number
        )));
    }
    let done = || {
        AppError::Conflict(format!(
            "Already done: {} runs version {to_version}.",
            inst.installation_id
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
        .filter(activation::Column::Status.eq(STATUS_ACTIVE))
        .exec(db)
        .await?;
    if switched.rows_affected != 1 {
        return Err(done());
    }
    let what = format!("Upgraded from version {from} to version {to_version}");
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
            Expr::value(ACTIVATION_DEACTIVATED),
        )
        .col_expr(activation::Column::UpdatedAt, Expr::value(now()))
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::ProductId.eq(product_id))
        .filter(activation::Column::Status.eq(STATUS_ACTIVE))
        .exec(db)
        .await?;
    if ended.rows_affected != 1 {
        return Err(AppError::Conflict(
            "The product is not active on this installation.".into(),
        ));
    }
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
