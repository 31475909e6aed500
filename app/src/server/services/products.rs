//! Partner products: create, edit in place (rule 2), list, the product page, access and
//! security (rule 6) and retiring. Versions and grants live in [`super::versions`].
use super::{audit, now, orgs, validate, versions, Actor};
use crate::dto::{
    AccessMode, CreatedProduct, GrantFilters, GrantView, InstallationRef, OrgKind, ProductDetail,
    ProductDto, ProductKind, ProductSummary, Role, VersionDto,
};
use crate::error::AppError;
use crate::server::entities::{
    activation, api_function, installation, organization, product, product_access, product_logo,
    product_version as pv, version_grant,
};
use crate::server::Config;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use std::str::FromStr;

pub const STATUS_DRAFT: &str = "draft";
pub const STATUS_ACTIVE: &str = "active";
pub const STATUS_RETIRED: &str = "retired";

/// The actor must be a member of `org_id`, and it must be a partner.
pub(crate) async fn require_partner(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<(organization::Model, Role), AppError> {
    let (org, role) = orgs::require_member(db, actor, org_id).await?;
    if orgs::kind_of(&org) != OrgKind::Partner {
        return Err(AppError::Forbidden);
    }
    Ok((org, role))
}

/// Like [`require_partner`], but the actor must be a partner admin.
pub(crate) async fn require_partner_admin(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<organization::Model, AppError> {
    match require_partner(db, actor, org_id).await? {
        (org, Role::Admin) => Ok(org),
        _ => Err(AppError::Forbidden),
    }
}

/// The partner's own product; another partner's product is "not found".
pub(crate) async fn own_product(
    db: &impl ConnectionTrait,
    org_id: i32,
    product_id: i32,
) -> Result<product::Model, AppError> {
    product::Entity::find_by_id(product_id)
        .one(db)
        .await?
        .filter(|p| p.partner_id == org_id)
        .ok_or(AppError::NotFound)
}

/// The fields of "New product" and "Edit".
#[derive(Debug, Clone, Default)]
pub struct ProductInput {
    pub name: String,
    pub kind: String,
    pub description: String,
    pub support_email: Option<String>,
    pub support_url: Option<String>,
}

struct ValidProduct {
    name: String,
    kind: ProductKind,
    description: String,
    support_email: Option<String>,
    support_url: Option<String>,
}

fn validate_input(input: &ProductInput) -> Result<ValidProduct, AppError> {
    let name = input.name.trim().to_owned();
    if name.chars().count() < 3 || name.chars().count() > 100 {
        return Err(AppError::invalid(
            "The product name must be 3 to 100 characters.",
        ));
    }
    let kind = ProductKind::from_str(&input.kind).map_err(|_| {
        AppError::invalid("Choose the kind: order integration product or rights product.")
    })?;
    let description = input.description.trim().to_owned();
    if description.chars().count() > 2000 {
        return Err(AppError::invalid(
            "The description is at most 2000 characters.",
        ));
    }
    let support_email =
        match validate::optional(input.support_email.as_deref(), 254, "The support e-mail")? {
            Some(e) => Some(
                validate::email(&e)
                    .map_err(|_| AppError::invalid("Enter a valid support e-mail address."))?,
            ),
            None => None,
        };
    let support_url = validate::optional(input.support_url.as_deref(), 300, "The support URL")?;
    if let Some(u) = &support_url {
        let rest = u
            .strip_prefix("https://")
            .or_else(|| u.strip_prefix("http://"));
        if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
            return Err(AppError::invalid(
                "The support URL must be a web address starting with https://.",
            ));
        }
    }
    Ok(ValidProduct {
        name,
        kind,
        description,
        support_email,
        support_url,
    })
}

/// Words that say what a product does but not whose it is.
const GENERIC_WORDS: [&str; 24] = [
    "integration",
    "integrations",
    "sync",
    "synchronization",
    "crm",
    "app",
    "connector",
    "api",
    "plugin",
    "export",
    "import",
    "marketing",
    "accounting",
    "signing",
    "documents",
    "leads",
    "valuation",
    "statistics",
    "portal",
    "the",
    "for",
    "and",
    "service",
    "data",
];

/// Advice when a name is only generic words, so customers can tell products apart.
fn name_warnings(name: &str, partner_name: &str) -> Vec<String> {
    let lower = name.to_lowercase();
    let company = partner_name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let generic = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| GENERIC_WORDS.contains(&w));
    if generic && (company.is_empty() || !lower.contains(&company)) {
        let first = partner_name
            .split_whitespace()
            .next()
            .unwrap_or("Your company");
        vec![format!(
            "\"{name}\" is a generic name: customers see products from many partners. Consider adding your company name, like \"{first} {name}\"."
        )]
    } else {
        Vec::new()
    }
}

async fn ensure_unique_name(
    db: &impl ConnectionTrait,
    org_id: i32,
    name: &str,
    except: Option<i32>,
) -> Result<(), AppError> {
    let taken = product::Entity::find()
        .filter(product::Column::PartnerId.eq(org_id))
        .all(db)
        .await?
        .into_iter()
        .any(|p| Some(p.id) != except && p.name.to_lowercase() == name.to_lowercase());
    if taken {
        return Err(AppError::Conflict(format!(
            "You already have a product named {name}."
        )));
    }
    Ok(())
}

/// "New product" → "Add": the product with an empty draft version 1. In the `test`
/// environment it starts restricted to the partner sandbox installation.
pub async fn create_product<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    input: ProductInput,
) -> Result<CreatedProduct, AppError> {
    let (org, _) = require_partner(db, actor, org_id).await?;
    let v = validate_input(&input)?;
    ensure_unique_name(db, org_id, &v.name, None).await?;
    let warnings = name_warnings(&v.name, &org.name);
    let sandbox_only = config.env == crate::dto::Environment::Test;
    let actor = actor.clone();
    let id = db
        .transaction::<_, i32, AppError>(|txn| {
            Box::pin(async move {
                let sandbox = if sandbox_only {
                    installation::Entity::find()
                        .filter(installation::Column::IsSandbox.eq(true))
                        .one(txn)
                        .await?
                } else {
                    None
                };
                let at = now();
                let p = product::ActiveModel {
                    partner_id: Set(org_id),
                    name: Set(v.name.clone()),
                    kind: Set(v.kind.as_str().to_owned()),
                    description: Set(v.description),
                    support_email: Set(v.support_email),
                    support_url: Set(v.support_url),
                    status: Set(STATUS_DRAFT.to_owned()),
                    access_mode: Set(if sandbox.is_some() {
                        AccessMode::Listed
                    } else {
                        AccessMode::All
                    }
                    .as_str()
                    .to_owned()),
                    created_at: Set(at),
                    updated_at: Set(at),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
                if let Some(s) = sandbox {
                    product_access::ActiveModel {
                        product_id: Set(p.id),
                        installation_id: Set(s.id),
                        ..Default::default()
                    }
                    .insert(txn)
                    .await?;
                }
                versions::insert_version(txn, p.id, 1).await?;
                super::credentials::client_id(txn, p.id).await?;
                audit::record(
                    txn,
                    &actor,
                    Some(org_id),
                    "product.created",
                    &v.name,
                    v.kind.as_str(),
                )
                .await?;
                Ok(p.id)
            })
        })
        .await?;
    Ok(CreatedProduct { id, warnings })
}

/// "Edit": changes the product's fields in place, whatever versions are active (rule 2).
pub async fn update_product(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    input: ProductInput,
) -> Result<Vec<String>, AppError> {
    let (org, _) = require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let v = validate_input(&input)?;
    ensure_unique_name(db, org_id, &v.name, Some(p.id)).await?;
    let mut m: product::ActiveModel = p.into();
    m.name = Set(v.name.clone());
    m.kind = Set(v.kind.as_str().to_owned());
    m.description = Set(v.description);
    m.support_email = Set(v.support_email);
    m.support_url = Set(v.support_url);
    m.updated_at = Set(now());
    m.update(db).await?;
    audit::record(db, actor, Some(org_id), "product.updated", &v.name, "").await?;
    Ok(name_warnings(&v.name, &org.name))
}

pub(crate) fn product_dto(p: &product::Model, has_logo: bool) -> ProductDto {
    ProductDto {
        id: p.id,
        name: p.name.clone(),
        kind: ProductKind::from_str(&p.kind).unwrap_or(ProductKind::Rights),
        description: p.description.clone(),
        support_email: p.support_email.clone(),
        support_url: p.support_url.clone(),
        status: p.status.clone(),
        access_mode: AccessMode::from_str(&p.access_mode).unwrap_or(AccessMode::Listed),
        has_logo,
    }
}

/// The partner's products, filtered by a search over name and description and by status.
pub async fn list_products(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    search: &str,
    status: &str,
) -> Result<Vec<ProductSummary>, AppError> {
    require_partner(db, actor, org_id).await?;
    let needle = search.trim().to_lowercase();
    let products: Vec<product::Model> = product::Entity::find()
        .filter(product::Column::PartnerId.eq(org_id))
        .order_by_asc(product::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter(|p| status.is_empty() || p.status == status)
        .filter(|p| {
            needle.is_empty()
                || p.name.to_lowercase().contains(&needle)
                || p.description.to_lowercase().contains(&needle)
        })
        .collect();
    let ids: Vec<i32> = products.iter().map(|p| p.id).collect();
    let versions = pv::Entity::find()
        .filter(pv::Column::ProductId.is_in(ids.clone()))
        .all(db)
        .await?;
    let acts = activation::Entity::find()
        .filter(activation::Column::ProductId.is_in(ids))
        .filter(activation::Column::Status.eq(STATUS_ACTIVE))
        .all(db)
        .await?;
    Ok(products
        .iter()
        .map(|p| {
            let of = |state: &str| {
                versions
                    .iter()
                    .find(|v| v.product_id == p.id && v.state == state)
                    .map(|v| v.number)
            };
            ProductSummary {
                id: p.id,
                name: p.name.clone(),
                kind: ProductKind::from_str(&p.kind).unwrap_or(ProductKind::Rights),
                status: p.status.clone(),
                active_version: of(versions::STATE_ACTIVE),
                draft_version: of(versions::STATE_DRAFT),
                installations: acts.iter().filter(|a| a.product_id == p.id).count() as u64,
            }
        })
        .collect())
}

/// "Estate status: sold, for_sale" for each restricted dimension, with the catalog's labels.
pub(crate) fn describe_filters(f: &api_function::Model, filters: &GrantFilters) -> Vec<String> {
    let dims: Vec<crate::dto::FilterDimension> =
        serde_json::from_str(&f.filter_dimensions).unwrap_or_default();
    filters
        .iter()
        .filter(|(_, vals)| !vals.is_empty())
        .map(|(k, vals)| {
            let label = dims
                .iter()
                .find(|d| &d.key == k)
                .map(|d| d.label.clone())
                .unwrap_or_else(|| k.clone());
            format!("{label}: {}", vals.join(", "))
        })
        .collect()
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
        .filter(activation::Column::Status.eq(STATUS_ACTIVE))
        .all(db)
        .await?;
    let grants = version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.is_in(all_versions.iter().map(|v| v.id)))
        .all(db)
        .await?;
    let current = versions::working_version(&all_versions).ok_or(AppError::NotFound)?;
    let functions = super::catalog::all(db).await?;
    let mut grant_views: Vec<GrantView> = grants
        .iter()
        .filter(|g| g.version_id == current.id)
        .filter_map(|g| {
            let f = functions.iter().find(|f| f.id == g.function_id)?;
            let filters: GrantFilters = serde_json::from_str(&g.filters).unwrap_or_default();
            Some(GrantView {
                key: f.key.clone(),
                name: f.name.clone(),
                area: f.area.clone(),
                filters: describe_filters(f, &filters),
            })
        })
        .collect();
    grant_views.sort_by(|a, b| (&a.area, &a.key).cmp(&(&b.area, &b.key)));
    let version_dtos = all_versions
        .iter()
        .map(|v| VersionDto {
            number: v.number,
            state: v.state.clone(),
            note: v.note.clone(),
            installations: acts.iter().filter(|a| a.version_id == v.id).count() as u64,
            functions: grants.iter().filter(|g| g.version_id == v.id).count() as u64,
            activated_at: v
                .activated_at
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
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
        current_state: current.state.clone(),
        grants: grant_views,
        access: access_list(db, p.id).await?,
        can_admin: role == Role::Admin,
    })
}

async fn access_list(
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

/// "Access and security": every installation, or only the listed installation IDs (each must
/// be a known, active installation). Returns the listed installations with their names.
pub async fn set_access<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    mode: &str,
    installation_ids: &str,
) -> Result<Vec<InstallationRef>, AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let mode = AccessMode::from_str(mode).map_err(|_| {
        AppError::invalid(
            "Choose whether every installation or only listed ones may activate the product.",
        )
    })?;
    let mut rows = Vec::new();
    if mode == AccessMode::Listed {
        let mut wanted = Vec::new();
        for raw in installation_ids
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
        {
            let id = validate::installation_id(raw)?;
            if !wanted.contains(&id) {
                wanted.push(id);
            }
        }
        if wanted.is_empty() {
            return Err(AppError::invalid(
                "List at least one installation ID, or make the product available to every installation.",
            ));
        }
        let found = installation::Entity::find()
            .filter(installation::Column::InstallationId.is_in(wanted.clone()))
            .filter(installation::Column::Status.eq(orgs::STATUS_ACTIVE))
            .all(db)
            .await?;
        let unknown: Vec<&String> = wanted
            .iter()
            .filter(|w| !found.iter().any(|f| &&f.installation_id == w))
            .collect();
        if !unknown.is_empty() {
            let list = unknown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(AppError::invalid(format!(
                "Unknown installation ID: {list}. Check the IDs with the customer."
            )));
        }
        rows = found.into_iter().map(|i| i.id).collect();
    }
    let actor = actor.clone();
    let name = p.name.clone();
    db.transaction::<_, (), AppError>(|txn| {
        Box::pin(async move {
            product_access::Entity::delete_many()
                .filter(product_access::Column::ProductId.eq(p.id))
                .exec(txn)
                .await?;
            for id in &rows {
                product_access::ActiveModel {
                    product_id: Set(p.id),
                    installation_id: Set(*id),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
            }
            let mut m: product::ActiveModel = p.into();
            m.access_mode = Set(mode.as_str().to_owned());
            m.updated_at = Set(now());
            m.update(txn).await?;
            audit::record(
                txn,
                &actor,
                Some(org_id),
                "product.access_changed",
                &name,
                &format!("{} ({} listed)", mode.as_str(), rows.len()),
            )
            .await
        })
    })
    .await?;
    access_list(db, product_id).await
}

/// Retires (deactivates) a product: it disappears for customers who do not have it, and
/// existing activations keep working until those customers deactivate it. Admins only.
pub async fn retire_product(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<(), AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let name = p.name.clone();
    let mut m: product::ActiveModel = p.into();
    m.status = Set(STATUS_RETIRED.to_owned());
    m.updated_at = Set(now());
    m.update(db).await?;
    audit::record(db, actor, Some(org_id), "product.retired", &name, "").await
}

/// The largest logo accepted.
pub const MAX_LOGO_BYTES: usize = 256 * 1024;

/// The content type of an acceptable logo: a PNG, or an SVG without scripts.
fn logo_type(data: &[u8]) -> Result<&'static str, AppError> {
    if data.is_empty() {
        return Err(AppError::invalid("Choose a PNG or SVG file to upload."));
    }
    if data.len() > MAX_LOGO_BYTES {
        return Err(AppError::invalid(format!(
            "The logo is {} KB; the largest allowed is {} KB.",
            data.len().div_ceil(1024),
            MAX_LOGO_BYTES / 1024
        )));
    }
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok("image/png");
    }
    let text = std::str::from_utf8(data)
        .map_err(|_| AppError::invalid("The logo must be a PNG or an SVG file."))?;
    let lower = text.to_lowercase();
    if !lower.contains("<svg") {
        return Err(AppError::invalid("The logo must be a PNG or an SVG file."));
    }
    // Logos are shown to customers: an SVG must be a picture, not a program.
    if lower.contains("<script")
        || lower.contains("javascript:")
        || lower.contains("<foreignobject")
        || has_event_handler(&lower)
    {
        return Err(AppError::invalid(
            "The SVG contains scripts or event handlers; export it as a plain image.",
        ));
    }
    Ok("image/svg+xml")
}

/// Whether markup has an `on...=` attribute (onload, onclick, ...).
fn has_event_handler(lower: &str) -> bool {
    lower
        .match_indices(|c: char| c.is_whitespace())
        .any(|(i, _)| {
            let rest = &lower[i + 1..];
            let Some(rest) = rest.strip_prefix("on") else {
                return false;
            };
            let name_len = rest.chars().take_while(|c| c.is_ascii_alphabetic()).count();
            name_len > 0 && rest[name_len..].trim_start().starts_with('=')
        })
}

/// Uploads (or replaces) a product's logo.
pub async fn set_logo(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    data: Vec<u8>,
) -> Result<(), AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let content_type = logo_type(&data)?;
    let existing = product_logo::Entity::find()
        .filter(product_logo::Column::ProductId.eq(p.id))
        .one(db)
        .await?;
    let size = data.len();
    match existing {
        Some(l) => {
            let mut m: product_logo::ActiveModel = l.into();
            m.content_type = Set(content_type.to_owned());
            m.data = Set(data);
            m.updated_at = Set(now());
            m.update(db).await?;
        }
        None => {
            product_logo::ActiveModel {
                product_id: Set(p.id),
                content_type: Set(content_type.to_owned()),
                data: Set(data),
                updated_at: Set(now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    audit::record(
        db,
        actor,
        Some(org_id),
        "product.logo_changed",
        &p.name,
        &format!("{content_type}, {size} bytes"),
    )
    .await
}

/// A product's logo: content type and bytes. Logos are public, like the products' names.
pub async fn logo(
    db: &impl ConnectionTrait,
    product_id: i32,
) -> Result<Option<(String, Vec<u8>)>, AppError> {
    Ok(product_logo::Entity::find()
        .filter(product_logo::Column::ProductId.eq(product_id))
        .one(db)
        .await?
        .map(|l| (l.content_type, l.data)))
}

/// Which installations run which version, whether an upgrade is pending and since when, and
/// the link to send to the customer. Partners see the installations that activated their product.
async fn adoption(
    db: &impl ConnectionTrait,
    config: &Config,
    p: &product::Model,
    versions: &[pv::Model],
    acts: &[activation::Model],
) -> Result<Vec<crate::dto::AdoptionRow>, AppError> {
    use crate::server::entities::upgrade_notification as un;
    let insts = installation::Entity::find()
        .filter(installation::Column::Id.is_in(acts.iter().map(|a| a.installation_id)))
        .all(db)
        .await?;
    let customers = organization::Entity::find()
        .filter(organization::Column::Id.is_in(insts.iter().map(|i| i.customer_id)))
        .all(db)
        .await?;
    let active = versions.iter().find(|v| v.state == versions::STATE_ACTIVE);
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
    let mut rows: Vec<crate::dto::AdoptionRow> = acts
        .iter()
        .filter_map(|a| {
            let inst = insts.iter().find(|i| i.id == a.installation_id)?;
            let version = versions.iter().find(|v| v.id == a.version_id)?;
            let behind = active.is_some_and(|av| av.id != version.id);
            let since = queued
                .iter()
                .find(|q| q.installation_id == inst.id)
                .map(|q| q.created_at)
                .or_else(|| active.and_then(|av| av.activated_at));
            Some(crate::dto::AdoptionRow {
                installation_id: inst.installation_id.clone(),
                installation_name: inst.name.clone(),
                customer: customers
                    .iter()
                    .find(|c| c.id == inst.customer_id)
                    .map(|c| c.name.clone())
                    .unwrap_or_default(),
                version: version.number,
                upgrade_pending_since: behind
                    .then(|| since.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()))
                    .flatten(),
                link: format!(
                    "{}{}",
                    config.public_url,
                    super::notifications::panel_link(inst.customer_id, &inst.installation_id, p.id)
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

#[cfg(test)]
mod logo_tests {
    use super::*;

    #[test]
    fn accepts_png_and_plain_svg_and_refuses_the_rest() {
        assert_eq!(logo_type(b"\x89PNG\r\n\x1a\nrest").unwrap(), "image/png");
        assert_eq!(
            logo_type(br#"<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#).unwrap(),
            "image/svg+xml"
        );
        for bad in [
            &b""[..],
            b"GIF89a",
            br#"<svg><script>alert(1)</script></svg>"#,
            br#"<svg onload="alert(1)"></svg>"#,
            br#"<svg><a href="javascript:alert(1)"/></svg>"#,
        ] {
            assert!(
                matches!(logo_type(bad), Err(AppError::Invalid(_))),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        assert!(
            matches!(logo_type(&vec![b'a'; MAX_LOGO_BYTES + 1]), Err(AppError::Invalid(m)) if m.contains("KB"))
        );
    }
}
