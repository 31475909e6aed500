//! The product page: the product, its versions, required functions, access list and who runs
//! which version (the adoption view).
use super::{describe_filters, grant_filters, own_product, versions};
use crate::error::AppError;
use crate::features::catalog;
use crate::features::products::dto::{
    AdoptionRow, GrantView, InstallationRef, ProductDetail, ProductDto, VersionDto,
};
use crate::glossary::{ActiveStatus, Role, VersionState};
use crate::paths;
use crate::server::clock::local;
use crate::server::entities::{
    activation, installation, organization, product, product_access, product_logo,
    product_version as pv, upgrade_notification as un, version_grant,
};
use crate::server::scope::{require_partner, Actor};
use crate::server::Config;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// A product as its page and the panels show it.
pub fn product_dto(p: &product::Model, has_logo: bool) -> ProductDto {
    ProductDto {
        id: p.id,
        name: p.name.clone(),
        kind: p.kind,
        description: p.description.clone(),
        support_email: p.support_email.clone(),
        support_url: p.support_url.clone(),
        status: p.status,
        access_mode: p.access_mode,
        has_logo,
    }
}

/// The product page.
pub async fn product_detail(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<ProductDetail, AppError> {
    let (_, role) = require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let all_versions = pv::Entity::find()
        .filter(pv::Column::ProductId.eq(p.id))
        .order_by_desc(pv::Column::Number)
        .all(db)
        .await?;
    let acts = activation::Entity::find()
        .filter(activation::Column::ProductId.eq(p.id))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .filter(activation::Column::InstallationId.in_subquery(installation::visible_ids()))
        .all(db)
        .await?;
    let grants = version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.is_in(all_versions.iter().map(|v| v.id)))
        .all(db)
        .await?;
    let current = versions::working_version(&all_versions).ok_or(AppError::NotFound)?;
    let functions = catalog::service::by_ids(
        db,
        grants
            .iter()
            .filter(|g| g.version_id == current.id)
            .map(|g| g.function_id),
    )
    .await?;
    let mut grant_views: Vec<GrantView> = Vec::new();
    for g in grants.iter().filter(|g| g.version_id == current.id) {
        let Some(f) = functions.iter().find(|f| f.id == g.function_id) else {
            continue;
        };
        grant_views.push(GrantView {
            key: f.key.clone(),
            name: f.name.clone(),
            area: f.area.clone(),
            filters: describe_filters(f, &grant_filters(g)?)?,
        });
    }
    grant_views.sort_by(|a, b| (&a.area, &a.key).cmp(&(&b.area, &b.key)));
    let version_dtos = all_versions
        .iter()
        .map(|v| VersionDto {
            number: v.number,
            state: v.state,
            note: v.note.clone(),
            installations: acts.iter().filter(|a| a.version_id == v.id).count() as u64,
            functions: grants.iter().filter(|g| g.version_id == v.id).count() as u64,
            activated_at: v.activated_at.map(local),
        })
        .collect();
    let has_logo = product_logo::Entity::find()
        .filter(product_logo::Column::ProductId.eq(p.id))
        .one(db)
        .await?
        .is_some();
    let adoption = adoption(db, config, &p, &all_versions, &acts).await?;
    Ok(ProductDetail {
        adoption,
        product: product_dto(&p, has_logo),
        versions: version_dtos,
        current_version: current.number,
        current_state: current.state,
        grants: grant_views,
        access: access_list(db, p.id).await?,
        can_admin: role == Role::Admin,
    })
}

/// The installations listed in a product's access rules, by installation ID.
pub async fn access_list(
    db: &impl ConnectionTrait,
    product_id: i32,
) -> Result<Vec<InstallationRef>, AppError> {
    let rows = product_access::Entity::find()
        .filter(product_access::Column::ProductId.eq(product_id))
        .all(db)
        .await?;
    let mut out: Vec<InstallationRef> = installation::Entity::find()
        .filter(installation::Column::Id.is_in(rows.iter().map(|r| r.installation_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|i| InstallationRef {
            installation_id: i.installation_id,
            name: i.name,
            is_sandbox: i.is_sandbox,
        })
        .collect();
    out.sort_by(|a, b| a.installation_id.cmp(&b.installation_id));
    Ok(out)
}

/// Which installations run which version, whether an upgrade is pending and since when, and
/// the link to send to the customer. Partners see the installations that activated their product.
async fn adoption(
    db: &impl ConnectionTrait,
    config: &Config,
    p: &product::Model,
    versions: &[pv::Model],
    acts: &[activation::Model],
) -> Result<Vec<AdoptionRow>, AppError> {
    // Deactivated installations and customers vanish from every partner view (rule 10).
    let insts = installation::Entity::find()
        .filter(installation::Column::Id.is_in(acts.iter().map(|a| a.installation_id)))
        .filter(installation::Column::Status.eq(ActiveStatus::Active))
        .all(db)
        .await?;
    let customers = organization::Entity::find()
        .filter(organization::Column::Id.is_in(insts.iter().map(|i| i.customer_id)))
        .filter(organization::Column::Status.eq(ActiveStatus::Active))
        .all(db)
        .await?;
    let active = versions.iter().find(|v| v.state == VersionState::Active);
    let queued = match active {
        Some(a) => {
            un::Entity::find()
                .filter(un::Column::ProductId.eq(p.id))
                .filter(un::Column::VersionId.eq(a.id))
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    let mut rows: Vec<AdoptionRow> = acts
        .iter()
        .filter_map(|a| {
            let inst = insts.iter().find(|i| i.id == a.installation_id)?;
            let customer = customers.iter().find(|c| c.id == inst.customer_id)?;
            let version = versions.iter().find(|v| v.id == a.version_id)?;
            let behind = active.is_some_and(|av| av.id != version.id);
            let since = queued
                .iter()
                .find(|q| q.installation_id == inst.id)
                .map(|q| q.created_at)
                .or_else(|| active.and_then(|av| av.activated_at));
            Some(AdoptionRow {
                installation_id: inst.installation_id.clone(),
                installation_name: inst.name.clone(),
                customer: customer.name.clone(),
                version: version.number,
                upgrade_pending_since: behind.then(|| since.map(local)).flatten(),
                link: format!(
                    "{}{}",
                    config.public_url,
                    paths::supplier_panel(inst.customer_id, &inst.installation_id, p.id)
                ),
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        (std::cmp::Reverse(a.version), &a.installation_id)
            .cmp(&(std::cmp::Reverse(b.version), &b.installation_id))
    });
    Ok(rows)
}
