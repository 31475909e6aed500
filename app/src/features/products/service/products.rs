//! Partner products: create, edit in place (rule 2), list and retire. Versions and grants live
//! in [`super::versions`] and [`super::grants`].
use super::{credentials, own_product, versions};
use crate::error::AppError;
use crate::features::products::dto::{CreatedProduct, ProductSummary};
use crate::glossary::{
    AccessMode, ActiveStatus, Environment, ProductKind, ProductStatus, VersionState,
};
use crate::i18n::Lang;
use crate::server::clock::now;
use crate::server::entities::{
    activation, installation, product, product_access, product_version as pv,
};
use crate::server::scope::{require_partner, require_partner_admin, Actor};
use crate::server::{audit, validate, Config};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};
use std::str::FromStr;

/// The fields of "New product" and "Edit".
#[derive(Debug, Clone, Default)]
pub struct ProductInput {
    pub name: String,
    pub kind: String,
    pub description: String,
    pub support_email: Option<String>,
    pub support_url: Option<String>,
}

impl ProductInput {
    /// The fields as the form posts them.
    pub fn new(
        name: String,
        kind: String,
        description: String,
        support_email: Option<String>,
        support_url: Option<String>,
    ) -> Self {
        Self {
            name,
            kind,
            description,
            support_email,
            support_url,
        }
    }
}

struct ValidProduct {
    name: String,
    kind: ProductKind,
    description: String,
    support_email: Option<String>,
    support_url: Option<String>,
}

fn validate_input(lang: Lang, input: &ProductInput) -> Result<ValidProduct, AppError> {
    let name = input.name.trim().to_owned();
    if name.chars().count() < 3 || name.chars().count() > 100 {
        return Err(AppError::invalid(t!(lang, "invalid-product-name")));
    }
    let kind = ProductKind::from_str(&input.kind)
        .map_err(|_| AppError::invalid(t!(lang, "invalid-product-kind")))?;
    let description = input.description.trim().to_owned();
    if description.chars().count() > 2000 {
        return Err(AppError::invalid(t!(lang, "invalid-description")));
    }
    let support_email = match validate::optional(
        lang,
        input.support_email.as_deref(),
        254,
        &t!(lang, "products-support-email"),
    )? {
        Some(e) => Some(
            validate::email(lang, &e)
                .map_err(|_| AppError::invalid(t!(lang, "invalid-support-email")))?,
        ),
        None => None,
    };
    let support_url = validate::optional(
        lang,
        input.support_url.as_deref(),
        300,
        &t!(lang, "products-support-url"),
    )?;
    if let Some(u) = &support_url {
        let rest = u
            .strip_prefix("https://")
            .or_else(|| u.strip_prefix("http://"));
        if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
            return Err(AppError::invalid(t!(lang, "invalid-support-url")));
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
    lang: Lang,
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
        return Err(AppError::Conflict(t!(
            lang,
            "product-name-taken",
            name = name
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
    let v = validate_input(actor.lang, &input)?;
    ensure_unique_name(actor.lang, db, org_id, &v.name, None).await?;
    let warnings = name_warnings(&v.name, &org.name);
    let sandbox_only = config.env == Environment::Test;
    let actor = actor.clone();
    let id = crate::server::db::write(db, |txn| {
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
                kind: Set(v.kind),
                description: Set(v.description),
                support_email: Set(v.support_email),
                support_url: Set(v.support_url),
                status: Set(ProductStatus::Draft),
                access_mode: Set(if sandbox.is_some() {
                    AccessMode::Listed
                } else {
                    AccessMode::All
                }),
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
            credentials::client_id(txn, p.id).await?;
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
    let v = validate_input(actor.lang, &input)?;
    ensure_unique_name(actor.lang, db, org_id, &v.name, Some(p.id)).await?;
    let mut m: product::ActiveModel = p.into();
    m.name = Set(v.name.clone());
    m.kind = Set(v.kind);
    m.description = Set(v.description);
    m.support_email = Set(v.support_email);
    m.support_url = Set(v.support_url);
    m.updated_at = Set(now());
    m.update(db).await?;
    audit::record(db, actor, Some(org_id), "product.updated", &v.name, "").await?;
    Ok(name_warnings(&v.name, &org.name))
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
    // An unknown status matches nothing (as an unknown search text would).
    let wanted = ProductStatus::from_str(status).ok();
    let products: Vec<product::Model> = product::Entity::find()
        .filter(product::Column::PartnerId.eq(org_id))
        .order_by_asc(product::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter(|p| status.is_empty() || Some(p.status) == wanted)
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
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .filter(activation::Column::InstallationId.in_subquery(installation::visible_ids()))
        .all(db)
        .await?;
    Ok(products
        .iter()
        .map(|p| {
            let of = |state: VersionState| {
                versions
                    .iter()
                    .find(|v| v.product_id == p.id && v.state == state)
                    .map(|v| v.number)
            };
            ProductSummary {
                id: p.id,
                name: p.name.clone(),
                kind: p.kind,
                status: p.status,
                active_version: of(VersionState::Active),
                draft_version: of(VersionState::Draft),
                installations: acts.iter().filter(|a| a.product_id == p.id).count() as u64,
            }
        })
        .collect())
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
    m.status = Set(ProductStatus::Retired);
    m.updated_at = Set(now());
    m.update(db).await?;
    audit::record(db, actor, Some(org_id), "product.retired", &name, "").await
}
