//! Partner API keys (DESIGN, "Partner API key"): at most two active per partner, `read` or
//! `read_write`, the secret shown once and stored as a keyed hash, revocable, "last used". The
//! same rules as product access keys, from the same code ([`crate::server::api_keys`]).
use crate::error::AppError;
use crate::features::partner_api::dto::{
    KeyAccess, NewPartnerKey, PartnerKeyDto, PartnerKeysView, Whoami,
};
use crate::glossary::{ActiveStatus, OrgKind, Role};
use crate::server::api_keys::{free_slot, matching, new_secret, public_id, use_due};
use crate::server::audit;
use crate::server::clock::{local, now};
use crate::server::entities::{organization, partner_api_key as key};
use crate::server::scope::{
    require_partner, require_partner_admin, require_person, Actor, KeyGrant,
};
use crate::server::Config;
use crate::t;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

/// Keys the page lists: the active ones and the most recently revoked.
const LISTED: u64 = 20;

/// The "API keys" page; any member of the partner may look, people only.
pub async fn list(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
) -> Result<PartnerKeysView, AppError> {
    require_person(actor)?;
    let (_, role) = require_partner(db, actor, org_id).await?;
    let keys = key::Entity::find()
        .filter(key::Column::OrganizationId.eq(org_id))
        .order_by_desc(key::Column::Id)
        .limit(LISTED)
        .all(db)
        .await?
        .into_iter()
        .map(|k| PartnerKeyDto {
            id: k.id,
            slot: k.slot,
            key_id: k.key_id,
            access: k.access,
            created_by: k.created_by,
            created_at: local(k.created_at),
            last_used_at: k.last_used_at.map(local),
            revoked_at: k.revoked_at.map(local),
        })
        .collect();
    Ok(PartnerKeysView {
        keys,
        can_manage: role == Role::Admin,
    })
}

/// Creates a key in the free slot; partner admins only, never a key itself. The secret is
/// returned once and never stored.
pub async fn create(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    access: &str,
) -> Result<NewPartnerKey, AppError> {
    require_person(actor)?;
    let org = require_partner_admin(db, actor, org_id).await?;
    issue(db, config, actor, &org, access).await
}

/// Creates a key for the partner `partner` (its ID or exact name) from the operator's command
/// line (`server create-partner-key`), audited as `cli`; for the platform's own test clients.
pub async fn create_from_cli(
    db: &impl ConnectionTrait,
    config: &Config,
    partner: &str,
    access: &str,
) -> Result<NewPartnerKey, AppError> {
    let found = match partner.parse::<i32>() {
        Ok(id) => organization::Entity::find_by_id(id).one(db).await?,
        Err(_) => {
            organization::Entity::find()
                .filter(organization::Column::Name.eq(partner))
                .one(db)
                .await?
        }
    };
    let org = found
        .filter(|o| o.kind == OrgKind::Partner)
        .ok_or(AppError::NotFound)?;
    issue(db, config, &Actor::cli(), &org, access).await
}

/// Creates the key in the free slot once the caller has been authorized.
async fn issue(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org: &organization::Model,
    access: &str,
) -> Result<NewPartnerKey, AppError> {
    let org_id = org.id;
    let access: KeyAccess = access
        .parse()
        .map_err(|_| AppError::invalid(t!(actor.lang, "api-keys-bad-access")))?;
    let slots: Vec<i32> = key::Entity::find()
        .select_only()
        .column(key::Column::Slot)
        .filter(key::Column::OrganizationId.eq(org_id))
        .filter(key::Column::RevokedAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    let Some(slot) = free_slot(&slots) else {
        return Err(AppError::Conflict(t!(actor.lang, "api-keys-both-active")));
    };
    let key_id = public_id("pk_");
    let (secret, secret_hash) = new_secret(config, "pks_");
    key::ActiveModel {
        organization_id: Set(org_id),
        slot: Set(slot),
        key_id: Set(key_id.clone()),
        secret_hash: Set(secret_hash),
        access: Set(access),
        created_by: Set(actor.label.chars().take(320).collect()),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "partner_api.key_created",
        &org.name,
        &format!("API key {slot} ({key_id}, {})", access.as_str()),
    )
    .await?;
    Ok(NewPartnerKey {
        slot,
        key_id,
        secret,
        access,
    })
}

/// Revokes a key at once; partner admins only, never a key itself.
pub async fn revoke(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    key_row: i32,
) -> Result<(), AppError> {
    require_person(actor)?;
    let org = require_partner_admin(db, actor, org_id).await?;
    let k = key::Entity::find_by_id(key_row)
        .one(db)
        .await?
        .filter(|k| k.organization_id == org_id)
        .ok_or(AppError::NotFound)?;
    if k.revoked_at.is_some() {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "api-keys-already-revoked",
            n = k.slot
        )));
    }
    let what = format!("API key {} ({})", k.slot, k.key_id);
    // Only an active key is revoked: a concurrent revocation changes nothing twice.
    key::Entity::update_many()
        .col_expr(key::Column::RevokedAt, Expr::value(now()))
        .filter(key::Column::Id.eq(k.id))
        .filter(key::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "partner_api.key_revoked",
        &org.name,
        &what,
    )
    .await
}

/// The actor of the key `key_id` with this secret, or `None` for an unknown, wrong or revoked
/// key, or one whose partner is deactivated. Records "last used" at most once a minute.
pub async fn authenticate(
    db: &impl ConnectionTrait,
    config: &Config,
    key_id: &str,
    secret: &str,
    ip: Option<String>,
) -> Result<Option<Actor>, AppError> {
    let found: Vec<key::Model> = key::Entity::find()
        .filter(key::Column::KeyId.eq(key_id))
        .filter(key::Column::RevokedAt.is_null())
        .all(db)
        .await?;
    let Some(k) = matching(config, &found, |k| &k.secret_hash, secret) else {
        return Ok(None);
    };
    let partner_active = organization::Entity::find_by_id(k.organization_id)
        .one(db)
        .await?
        .is_some_and(|o| o.status == ActiveStatus::Active && o.kind == OrgKind::Partner);
    if !partner_active {
        return Ok(None);
    }
    let at = now();
    if use_due(k.last_used_at, at) {
        key::Entity::update_many()
            .col_expr(key::Column::LastUsedAt, Expr::value(at))
            .filter(key::Column::Id.eq(k.id))
            .exec(db)
            .await?;
    }
    let grant = KeyGrant {
        key_id: k.id,
        organization_id: k.organization_id,
        access: k.access,
    };
    let label = format!("API key {} ({})", k.slot, k.key_id);
    Ok(Some(Actor::partner_key(grant, label, ip)))
}

/// The partner and key a Partner API call is made as; only a key may ask.
pub async fn whoami(db: &impl ConnectionTrait, actor: &Actor) -> Result<Whoami, AppError> {
    let grant = actor.key.ok_or(AppError::Forbidden)?;
    let (org, _) = require_partner(db, actor, grant.organization_id).await?;
    let k = key::Entity::find_by_id(grant.key_id)
        .one(db)
        .await?
        .ok_or(AppError::Forbidden)?;
    Ok(Whoami {
        partner_id: org.id,
        partner_name: org.name,
        key_id: k.key_id,
        access: k.access,
    })
}
