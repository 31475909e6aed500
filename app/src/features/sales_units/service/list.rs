//! The partner's sales units list: one search box (sales unit name, installation ID, customer
//! name, business identifier), filters by product and "upgrade pending", and cursor pages in a
//! stable order. Exact matches on an ID (installation ID or business identifier) come first.
//! Each page costs the same few queries whatever its size or position; what a search matches,
//! and the index behind it, is `search.rs`.
use super::connection::{connected, partner_products};
use super::search::{Parts, Search};
use crate::error::AppError;
use crate::features::pricing::service::assign::labels_of;
use crate::features::sales_units::dto::{
    SalesUnitFields, SalesUnitPage, SalesUnitProduct, SalesUnitQuery, SalesUnitRow,
};
use crate::glossary::{ActiveStatus, VersionState};
use crate::server::clock::local;
use crate::server::entities::{
    activation, installation, organization, product_version as pv, upgrade_notification as un,
};
use crate::server::scope::{require_partner, Actor};
use crate::t;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// The Partner API's field filters: each given field must match.
async fn field_filters(
    db: &impl ConnectionTrait,
    f: &SalesUnitFields,
) -> Result<Condition, AppError> {
    let of = |v: &Option<String>| v.as_deref().and_then(Search::new);
    let mut all = Condition::all();
    if let Some(s) = of(&f.name) {
        all = all.add(s.narrow(db, Parts::Name).await?.name_matches());
    }
    if let Some(s) = of(&f.installation_id) {
        all = all.add(installation::Column::InstallationId.eq(s.installation_id));
    }
    if let Some(s) = of(&f.customer) {
        all = all.add(s.customer_named());
    }
    if let Some(s) = of(&f.business_identifier) {
        all = all.add(s.business_identifier());
    }
    Ok(all)
}

/// Where a page starts: after this rank (0 exact, 1 other) and installation ID.
fn parse_cursor(actor: &Actor, raw: &str) -> Result<Option<(u8, String)>, AppError> {
    if raw.is_empty() {
        return Ok(None);
    }
    let bad = || AppError::invalid(t!(actor.lang, "sales-units-bad-cursor"));
    let (rank, id) = raw.split_once(':').ok_or_else(bad)?;
    let rank = match rank {
        "0" => 0,
        "1" => 1,
        _ => return Err(bad()),
    };
    if !crate::server::validate::is_installation_id(id) {
        return Err(bad());
    }
    Ok(Some((rank, id.to_owned())))
}

/// One page of the partner's sales units.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    query: &SalesUnitQuery,
) -> Result<SalesUnitPage, AppError> {
    require_partner(db, actor, org_id).await?;
    let cursor = parse_cursor(actor, &query.cursor)?;
    let products = partner_products(db, org_id).await?;
    let scope: Vec<i32> = products
        .iter()
        .map(|p| p.0)
        .filter(|id| query.product_id.is_none_or(|only| only == *id))
        .collect();
    let size = query.page_size();
    let fields = field_filters(db, &query.fields).await?;
    let base = || {
        installation::Entity::find()
            .filter(installation::visible())
            .filter(connected(&scope, query.upgrade_pending))
            .filter(fields.clone())
            .order_by_asc(installation::Column::InstallationId)
            .limit(size as u64 + 1)
    };
    let after = |sel: sea_orm::Select<installation::Entity>, id: Option<&String>| match id {
        Some(id) => sel.filter(installation::Column::InstallationId.gt(id)),
        None => sel,
    };
    // Ranked pages: the exact matches (rank 0), then the others (rank 1).
    let mut ranked: Vec<(u8, installation::Model)> = Vec::new();
    let search = match Search::new(&query.q) {
        Some(s) => Some(s.narrow(db, Parts::Any).await?),
        None => None,
    };
    match search {
        None => {
            let from = cursor.as_ref().map(|c| &c.1);
            ranked.extend(
                after(base(), from)
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|i| (1, i)),
            );
        }
        Some(s) => {
            if cursor.as_ref().is_none_or(|c| c.0 == 0) {
                let from = cursor.as_ref().map(|c| &c.1);
                let exact = after(base().filter(s.exact()), from).all(db).await?;
                ranked.extend(exact.into_iter().map(|i| (0, i)));
            }
            if ranked.len() <= size {
                let from = cursor.as_ref().filter(|c| c.0 == 1).map(|c| &c.1);
                let rest = after(base().filter(s.any()).filter(s.exact().not()), from)
                    .all(db)
                    .await?;
                ranked.extend(rest.into_iter().map(|i| (1, i)));
            }
        }
    }
    let next_cursor = (ranked.len() > size)
        .then(|| &ranked[size - 1])
        .map(|(rank, i)| format!("{rank}:{}", i.installation_id));
    ranked.truncate(size);
    let insts: Vec<installation::Model> = ranked.into_iter().map(|(_, i)| i).collect();
    let rows = describe(db, &products, insts).await?;
    Ok(SalesUnitPage {
        rows,
        next_cursor,
        products,
    })
}

/// The rows of these installations, with their customers, price packages and the partner's
/// products on them, in five queries whatever their number.
pub async fn describe(
    db: &impl ConnectionTrait,
    products: &[(i32, String)],
    insts: Vec<installation::Model>,
) -> Result<Vec<SalesUnitRow>, AppError> {
    let product_ids: Vec<i32> = products.iter().map(|p| p.0).collect();
    let inst_ids: Vec<i32> = insts.iter().map(|i| i.id).collect();
    let customers = organization::Entity::find()
        .filter(organization::Column::Id.is_in(insts.iter().map(|i| i.customer_id)))
        .all(db)
        .await?;
    let acts = activation::Entity::find()
        .filter(activation::Column::InstallationId.is_in(inst_ids.clone()))
        .filter(activation::Column::ProductId.is_in(product_ids.clone()))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .all(db)
        .await?;
    let versions = pv::Entity::find()
        .filter(pv::Column::ProductId.is_in(acts.iter().map(|a| a.product_id)))
        .all(db)
        .await?;
    let packages = labels_of(db, &inst_ids).await?;
    let queued = un::Entity::find()
        .filter(un::Column::InstallationId.is_in(inst_ids))
        .filter(un::Column::ProductId.is_in(product_ids))
        .all(db)
        .await?;
    let unit_products = |inst: &installation::Model| {
        let mut out: Vec<SalesUnitProduct> = acts
            .iter()
            .filter(|a| a.installation_id == inst.id)
            .filter_map(|a| {
                let runs = versions.iter().find(|v| v.id == a.version_id)?;
                let active = versions
                    .iter()
                    .find(|v| v.product_id == a.product_id && v.state == VersionState::Active);
                let pending = active.filter(|av| av.id != runs.id).map(|av| {
                    queued
                        .iter()
                        .filter(|q| q.installation_id == inst.id && q.version_id == av.id)
                        .map(|q| q.created_at)
                        .min()
                        .or(av.activated_at)
                        .unwrap_or(av.created_at)
                });
                Some(SalesUnitProduct {
                    product_id: a.product_id,
                    name: products.iter().find(|p| p.0 == a.product_id)?.1.clone(),
                    version: runs.number,
                    upgrade_pending_since: pending.map(local),
                })
            })
            .collect();
        out.sort_by(|a, b| (&a.name, a.product_id).cmp(&(&b.name, b.product_id)));
        out
    };
    Ok(insts
        .iter()
        .map(|i| {
            let customer = customers.iter().find(|c| c.id == i.customer_id);
            SalesUnitRow {
                installation_id: i.installation_id.clone(),
                name: i.name.clone(),
                customer: customer.map(|c| c.name.clone()).unwrap_or_default(),
                business_identifier: customer.and_then(business_identifier),
                price_package: packages.iter().find(|p| p.0 == i.id).map(|p| p.1.text()),
                products: unit_products(i),
            }
        })
        .collect())
}

/// A customer's business identifier as people read it, such as `business:NO:ORG 923609016`.
pub fn business_identifier(c: &organization::Model) -> Option<String> {
    match (&c.business_id_scheme, &c.business_id) {
        (Some(s), Some(id)) => Some(format!("{s} {id}")),
        _ => None,
    }
}
