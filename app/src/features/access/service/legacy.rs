//! Legacy grants: direct (installation, function) rights a partner had before products existed.
//! The operator records and removes them; the partner sees them on its "Legacy access" page;
//! the access check counts them as granted for every product of that partner.
use crate::error::AppError;
use crate::features::access::dto::LegacyGrantDto;
use crate::features::products::service::legacy_filters;
use crate::glossary::{ActiveStatus, OrgKind};
use crate::server::clock::{local, now};
use crate::server::entities::{api_function, installation, legacy_grant as lg, organization};
use crate::server::scope::{require_kind, require_operator, require_operator_admin, Actor};
use crate::server::{audit, validate};
use crate::t;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;

/// The longest note on a legacy grant.
pub const MAX_NOTE: usize = 200;

/// A partner's legacy grants, by installation ID and function; with `only_active`, those on
/// deactivated installations or customers are left out (they disappear from partner views).
pub async fn of_partner(
    db: &impl ConnectionTrait,
    partner_id: i32,
    only_active: bool,
) -> Result<Vec<LegacyGrantDto>, AppError> {
    let grants = lg::Entity::find()
        .filter(lg::Column::PartnerId.eq(partner_id))
        .all(db)
        .await?;
    let installations: HashMap<i32, installation::Model> = installation::Entity::find()
        .filter(installation::Column::Id.is_in(grants.iter().map(|g| g.installation_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let customers: HashMap<i32, organization::Model> = organization::Entity::find()
        .filter(organization::Column::Id.is_in(installations.values().map(|i| i.customer_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let functions: HashMap<i32, api_function::Model> = api_function::Entity::find()
        .filter(api_function::Column::Id.is_in(grants.iter().map(|g| g.function_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let mut out: Vec<LegacyGrantDto> = Vec::new();
    for g in grants {
        let (Some(inst), Some(f)) = (
            installations.get(&g.installation_id),
            functions.get(&g.function_id),
        ) else {
            continue;
        };
        let Some(customer) = customers.get(&inst.customer_id) else {
            continue;
        };
        let active = inst.status == ActiveStatus::Active && customer.status == ActiveStatus::Active;
        if only_active && !active {
            continue;
        }
        out.push(LegacyGrantDto {
            id: g.id,
            installation_id: inst.installation_id.clone(),
            customer_name: customer.name.clone(),
            function: f.key.clone(),
            function_name: f.name.clone(),
            filters: legacy_filters(&g)?,
            note: g.note,
            created_at: local(g.created_at),
        });
    }
    out.sort_by(|a, b| (&a.installation_id, &a.function).cmp(&(&b.installation_id, &b.function)));
    Ok(out)
}

/// The partner's "Legacy access" page; any member of the partner may look.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    partner_id: i32,
) -> Result<Vec<LegacyGrantDto>, AppError> {
    require_kind(db, actor, partner_id, OrgKind::Partner).await?;
    of_partner(db, partner_id, true).await
}

/// The operator records a legacy grant (unrestricted filters) of `partner_id` on an
/// installation for one catalog function.
pub async fn add(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    partner_id: i32,
    raw_installation_id: &str,
    raw_function: &str,
    raw_note: &str,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let partner = organization::Entity::find_by_id(partner_id)
        .one(db)
        .await?
        .filter(|o| o.kind == OrgKind::Partner)
        .ok_or(AppError::NotFound)?;
    let lang = actor.lang;
    let installation_id = validate::installation_id(lang, raw_installation_id)?;
    let inst = installation::Entity::find()
        .filter(installation::Column::InstallationId.eq(&installation_id))
        .one(db)
        .await?
        .ok_or_else(|| {
            AppError::invalid(t!(
                lang,
                "invalid-no-installation",
                id = installation_id.clone()
            ))
        })?;
    let key = raw_function.trim();
    if key.is_empty() {
        return Err(AppError::invalid(t!(lang, "legacy-enter-function")));
    }
    let function = api_function::Entity::find()
        .filter(api_function::Column::Key.eq(key))
        .one(db)
        .await?
        .ok_or_else(|| AppError::invalid(t!(lang, "invalid-no-function", key = key)))?;
    let note = validate::optional(lang, Some(raw_note), MAX_NOTE, &t!(lang, "field-note"))?
        .unwrap_or_default();
    let exists = lg::Entity::find()
        .filter(lg::Column::PartnerId.eq(partner.id))
        .filter(lg::Column::InstallationId.eq(inst.id))
        .filter(lg::Column::FunctionId.eq(function.id))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Err(AppError::Conflict(t!(
            lang,
            "legacy-exists",
            partner = partner.name.clone(),
            function = function.key.clone(),
            installation = installation_id.clone(),
        )));
    }
    lg::ActiveModel {
        partner_id: Set(partner.id),
        installation_id: Set(inst.id),
        function_id: Set(function.id),
        filters: Set("{}".into()),
        note: Set(note),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record_about(
        db,
        actor,
        Some(operator_org_id),
        Some(partner.id),
        "legacy_grant.added",
        &partner.name,
        &format!("{} on {installation_id}", function.key),
    )
    .await
}

/// The operator removes a legacy grant; the access check refuses it at once.
pub async fn remove(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    grant_id: i32,
) -> Result<(), AppError> {
    require_operator_admin(db, actor, operator_org_id).await?;
    let grant = lg::Entity::find_by_id(grant_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let partner_id = grant.partner_id;
    lg::Entity::delete_by_id(grant.id).exec(db).await?;
    audit::record_about(
        db,
        actor,
        Some(operator_org_id),
        Some(partner_id),
        "legacy_grant.removed",
        &format!("partner {partner_id}"),
        &format!("grant {grant_id}"),
    )
    .await
}

/// For the operator's organization page; "not found" for an organization that is no partner.
pub async fn for_operator(
    db: &impl ConnectionTrait,
    actor: &Actor,
    operator_org_id: i32,
    partner_id: i32,
) -> Result<Vec<LegacyGrantDto>, AppError> {
    require_operator(db, actor, operator_org_id).await?;
    let is_partner = organization::Entity::find_by_id(partner_id)
        .one(db)
        .await?
        .is_some_and(|o| o.kind == OrgKind::Partner);
    if !is_partner {
        return Err(AppError::NotFound);
    }
    of_partner(db, partner_id, false).await
}
