//! The access decision the platform gateway asks for: may this product's credential call this
//! function for this installation? Decisions use the version the installation has activated,
//! never a newer one, plus the partner's legacy grants there; a deactivated installation or
//! customer answers "not allowed". An order integration product's object-scoped functions are
//! allowed only for objects with an order (rule 12, [`narrow_by_orders`]). [`AccessCache`]
//! serves the same answers from memory.
use crate::error::AppError;
use crate::features::access::dto::{AccessDecision, AccessReason, MethodDto, ObjectRef};
use crate::features::orders::service::window::{window, OrderWindow};
use crate::features::products::dto::GrantFilters;
use crate::features::products::service::{grant_filters, legacy_filters};
use crate::glossary::ActiveStatus;
use crate::glossary::ProductKind;
use crate::server::entities::{
    activation, api_function, installation, legacy_grant, product, product_version as pv,
    version_grant,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeMap, HashMap};

/// What a product may do on one installation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallationAccess {
    /// `false` when the installation is unknown, or it or its customer is deactivated.
    pub installation_known: bool,
    /// The installation's row ID, when known.
    pub installation_row: Option<i32>,
    /// The version number the installation has activated, if any.
    pub version: Option<i32>,
    /// Every function the product may call there, by function key.
    pub functions: BTreeMap<String, MethodDto>,
}

impl InstallationAccess {
    /// What a product may do on an installation that does not exist (or is deactivated).
    pub fn unknown() -> Self {
        Self {
            installation_known: false,
            installation_row: None,
            version: None,
            functions: BTreeMap::new(),
        }
    }

    /// The decision for one function.
    pub fn decide(&self, product_id: i32, function: &str) -> AccessDecision {
        let allowed = self.functions.get(function.trim());
        let reason = match (allowed, self.installation_known, self.version) {
            (_, false, _) => AccessReason::InstallationUnknown,
            (Some(_), _, _) => AccessReason::Granted,
            (None, _, None) => AccessReason::NotActivated,
            (None, _, Some(_)) => AccessReason::FunctionNotGranted,
        };
        AccessDecision {
            allowed: reason == AccessReason::Granted,
            reason,
            product_id,
            version: self.version,
            filters: allowed.map(|m| m.filters.clone()).unwrap_or_default(),
            legacy: allowed.is_some_and(|m| m.legacy),
            object_type: allowed.and_then(|m| m.object_type.clone()),
        }
    }

    /// Every function with filters the product may call there, or why there are none.
    pub fn methods(&self) -> Result<Vec<MethodDto>, AccessReason> {
        if !self.installation_known {
            return Err(AccessReason::InstallationUnknown);
        }
        if self.version.is_none() && self.functions.is_empty() {
            return Err(AccessReason::NotActivated);
        }
        Ok(self.functions.values().cloned().collect())
    }
}

/// Reads what `p` may do on the installation from the database.
pub async fn installation_access(
    db: &impl ConnectionTrait,
    p: &product::Model,
    installation_id: &str,
) -> Result<InstallationAccess, AppError> {
    let Some(inst) = installation::find_visible(db, installation_id).await? else {
        return Ok(InstallationAccess::unknown());
    };
    // A retired product keeps working where it is activated; only the activation decides.
    let act = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::ProductId.eq(p.id))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .one(db)
        .await?;
    let version = match act {
        Some(a) => pv::Entity::find_by_id(a.version_id).one(db).await?,
        None => None,
    };
    // (function ID, filters, legacy): the version's grants win over legacy ones.
    let mut granted: HashMap<i32, (GrantFilters, bool)> = HashMap::new();
    let legacy = legacy_grant::Entity::find()
        .filter(legacy_grant::Column::PartnerId.eq(p.partner_id))
        .filter(legacy_grant::Column::InstallationId.eq(inst.id))
        .all(db)
        .await?;
    // A grant whose stored filters cannot be read is left out: it refuses (rule 13), and the
    // error is logged where it was read.
    for g in legacy {
        if let Ok(filters) = legacy_filters(&g) {
            granted.insert(g.function_id, (filters, true));
        }
    }
    if let Some(v) = &version {
        let grants = version_grant::Entity::find()
            .filter(version_grant::Column::VersionId.eq(v.id))
            .all(db)
            .await?;
        for g in grants {
            match grant_filters(&g) {
                Ok(filters) => {
                    granted.insert(g.function_id, (filters, false));
                }
                // Not even a legacy grant of the same function may stand in for it.
                Err(_) => {
                    granted.remove(&g.function_id);
                }
            }
        }
    }
    let functions = api_function::Entity::find()
        .filter(api_function::Column::Id.is_in(granted.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|f| {
            let (filters, legacy) = granted.remove(&f.id)?;
            // Only a product version's grants follow orders; a legacy grant stays what it
            // always was, installation-wide.
            let object_type = f
                .object_type
                .filter(|_| p.kind == ProductKind::OrderIntegration && !legacy);
            let m = MethodDto {
                function: f.key.clone(),
                method: f.http_method,
                path: f.path,
                filters,
                legacy,
                object_type,
            };
            Some((f.key, m))
        })
        .collect();
    Ok(InstallationAccess {
        installation_known: true,
        installation_row: Some(inst.id),
        version: version.map(|v| v.number),
        functions,
    })
}

/// The object a granted object-scoped decision needs, if it needs one and the call named it:
/// `Err` is the refusal (`object_required`) when it needs one the call did not name.
pub fn object_needed<'o>(
    d: &AccessDecision,
    object: Option<&'o ObjectRef>,
) -> Result<Option<&'o ObjectRef>, AccessDecision> {
    let Some(needed) = d.object_type.as_deref().filter(|_| d.allowed) else {
        return Ok(None);
    };
    match object.filter(|o| o.object_type == needed) {
        Some(o) => Ok(Some(o)),
        None => Err(refused(d.clone(), AccessReason::ObjectRequired)),
    }
}

/// A granted decision of an object-scoped function, narrowed by what the object's orders allow
/// at `now` (rule 12): granted within the window, `no_order` otherwise.
pub fn narrow_by_orders(
    d: AccessDecision,
    window: Option<OrderWindow>,
    now: chrono::DateTime<chrono::Utc>,
    grace: chrono::Duration,
) -> AccessDecision {
    if window.is_some_and(|w| w.allows(now, grace)) {
        d
    } else {
        refused(d, AccessReason::NoOrder)
    }
}

/// `d`, refused for `reason` (its filters, which only a grant carries, dropped).
fn refused(d: AccessDecision, reason: AccessReason) -> AccessDecision {
    AccessDecision {
        allowed: false,
        reason,
        filters: Default::default(),
        ..d
    }
}

/// The decision for one call that names no object, straight from the database.
pub async fn check(
    db: &impl ConnectionTrait,
    p: &product::Model,
    installation_id: &str,
    function: &str,
) -> Result<AccessDecision, AppError> {
    let d = installation_access(db, p, installation_id)
        .await?
        .decide(p.id, function);
    Ok(object_needed(&d, None).err().unwrap_or(d))
}

/// The decision for one call about `object` (if any), straight from the database.
pub async fn check_about(
    db: &impl ConnectionTrait,
    config: &crate::server::Config,
    p: &product::Model,
    installation_id: &str,
    function: &str,
    object: Option<&ObjectRef>,
) -> Result<AccessDecision, AppError> {
    let access = installation_access(db, p, installation_id).await?;
    let d = access.decide(p.id, function);
    let object = match object_needed(&d, object) {
        Ok(Some(o)) => o,
        Ok(None) => return Ok(d),
        Err(refusal) => return Ok(refusal),
    };
    let row = access.installation_row.ok_or(AppError::Internal)?;
    let w = window(db, row, p.id, &object.object_type, &object.id).await?;
    Ok(narrow_by_orders(
        d,
        w,
        crate::server::clock::now(),
        config.order_grace,
    ))
}

/// Every function (with filters) the product may call on the installation, or why none.
pub async fn methods(
    db: &impl ConnectionTrait,
    p: &product::Model,
    installation_id: &str,
) -> Result<Result<Vec<MethodDto>, AccessReason>, AppError> {
    Ok(installation_access(db, p, installation_id).await?.methods())
}
