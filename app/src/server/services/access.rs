//! The access decision the platform gateway asks for: may this product's credential call this
//! function for this installation? Decisions use the version the installation has activated,
//! never a newer one; a deactivated product, installation or customer answers "not allowed".
use super::orgs::STATUS_ACTIVE;
use crate::dto::{AccessDecision, AccessReason, GrantFilters, MethodDto};
use crate::error::AppError;
use crate::server::entities::{
    activation, api_function, installation, organization, product, product_version as pv,
    version_grant,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The installation's activated version of the product, or why there is none.
async fn activated_version(
    db: &impl ConnectionTrait,
    p: &product::Model,
    installation_id: &str,
) -> Result<Result<pv::Model, AccessReason>, AppError> {
    let Some(inst) = installation::Entity::find()
        .filter(installation::Column::InstallationId.eq(installation_id.trim().to_uppercase()))
        .one(db)
        .await?
    else {
        return Ok(Err(AccessReason::InstallationUnknown));
    };
    let customer_active = organization::Entity::find_by_id(inst.customer_id)
        .one(db)
        .await?
        .is_some_and(|c| c.status == STATUS_ACTIVE);
    if inst.status != STATUS_ACTIVE || !customer_active {
        return Ok(Err(AccessReason::InstallationUnknown));
    }
    let act = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::ProductId.eq(p.id))
        .filter(activation::Column::Status.eq(STATUS_ACTIVE))
        .one(db)
        .await?;
    // A retired product keeps working where it is activated; only the activation decides.
    match act {
        Some(a) => Ok(pv::Entity::find_by_id(a.version_id)
            .one(db)
            .await?
            .ok_or(AccessReason::NotActivated)),
        None => Ok(Err(AccessReason::NotActivated)),
    }
}

/// The decision for one call.
pub async fn check(
    db: &impl ConnectionTrait,
    p: &product::Model,
    installation_id: &str,
    function: &str,
) -> Result<AccessDecision, AppError> {
    let deny = |reason, version| AccessDecision {
        allowed: false,
        reason,
        product_id: p.id,
        version,
        filters: GrantFilters::new(),
    };
    let v = match activated_version(db, p, installation_id).await? {
        Ok(v) => v,
        Err(reason) => return Ok(deny(reason, None)),
    };
    let Some(f) = api_function::Entity::find()
        .filter(api_function::Column::Key.eq(function.trim()))
        .one(db)
        .await?
    else {
        return Ok(deny(AccessReason::FunctionNotGranted, Some(v.number)));
    };
    let grant = version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.eq(v.id))
        .filter(version_grant::Column::FunctionId.eq(f.id))
        .one(db)
        .await?;
    Ok(match grant {
        Some(g) => AccessDecision {
            allowed: true,
            reason: AccessReason::Granted,
            product_id: p.id,
            version: Some(v.number),
            filters: serde_json::from_str(&g.filters).unwrap_or_default(),
        },
        None => deny(AccessReason::FunctionNotGranted, Some(v.number)),
    })
}

/// Every function (with filters) the product may call on the installation, or why none.
pub async fn methods(
    db: &impl ConnectionTrait,
    p: &product::Model,
    installation_id: &str,
) -> Result<Result<Vec<MethodDto>, AccessReason>, AppError> {
    let v = match activated_version(db, p, installation_id).await? {
        Ok(v) => v,
        Err(reason) => return Ok(Err(reason)),
    };
    let grants = version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.eq(v.id))
        .all(db)
        .await?;
    let functions = api_function::Entity::find()
        .filter(api_function::Column::Id.is_in(grants.iter().map(|g| g.function_id)))
        .all(db)
        .await?;
    let mut out: Vec<MethodDto> = grants
        .iter()
        .filter_map(|g| {
            let f = functions.iter().find(|f| f.id == g.function_id)?;
            Some(MethodDto {
                function: f.key.clone(),
                method: f.http_method.clone(),
                path: f.path.clone(),
                filters: serde_json::from_str(&g.filters).unwrap_or_default(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.function.cmp(&b.function));
    Ok(Ok(out))
}
