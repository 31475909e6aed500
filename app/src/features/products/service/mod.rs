//! The products' services. Each starts with a scope check (`require_partner*`) and
//! [`own_product`], so another partner's product is "not found".
pub mod access_rules;
pub mod credentials;
pub mod detail;
pub mod grants;
pub mod logo;
pub mod products;
pub mod sandbox;
pub mod svg;
pub mod upgrade_queue;
pub mod versions;

use super::dto::GrantFilters;
use crate::error::AppError;
use crate::features::catalog::service::dimensions;
use crate::server::entities::{api_function, json, legacy_grant, product, version_grant};
use sea_orm::{ConnectionTrait, EntityTrait};

/// The partner's own product; another partner's product is "not found".
pub async fn own_product(
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

/// A grant's filters; an unreadable stored value refuses (rule 13).
pub fn grant_filters(g: &version_grant::Model) -> Result<GrantFilters, AppError> {
    json(&g.filters, "version_grants.filters")
}

/// A legacy grant's filters, read like a version grant's.
pub fn legacy_filters(g: &legacy_grant::Model) -> Result<GrantFilters, AppError> {
    json(&g.filters, "legacy_grants.filters")
}

/// "Estate status: sold, for_sale" for each restricted dimension, with the catalog's labels.
pub fn describe_filters(
    f: &api_function::Model,
    filters: &GrantFilters,
) -> Result<Vec<String>, AppError> {
    let dims = dimensions(f)?;
    Ok(filters
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
        .collect())
}
