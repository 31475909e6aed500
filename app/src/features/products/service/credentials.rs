//! Product credentials (rule 8): a client ID and at most two active access keys, so a partner
//! can rotate without downtime. A secret is generated here, shown once, stored only as a keyed
//! hash, and can be revoked; every use records "last used" (at most one write a minute a key).
use super::own_product;
use crate::error::AppError;
use crate::features::products::dto::{AccessKeyDto, CredentialsDto, NewAccessKey};
use crate::glossary::{ActiveStatus, Role};
use crate::server::api_keys::{free_slot, matching, new_secret, public_id, use_due};
use crate::server::audit;
use crate::server::clock::{local, now};
use crate::server::entities::{access_key as ak, organization, product, product_credential as pc};
use crate::server::scope::{require_partner, require_partner_admin, Actor};
use crate::server::Config;
use crate::t;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

/// The product's client ID, created on first use.
pub async fn client_id(db: &impl ConnectionTrait, product_id: i32) -> Result<String, AppError> {
    if let Some(c) = pc::Entity::find()
        .filter(pc::Column::ProductId.eq(product_id))
        .one(db)
        .await?
    {
        return Ok(c.client_id);
    }
    let id = public_id("pc_");
    let created = pc::ActiveModel {
        product_id: Set(product_id),
        client_id: Set(id.clone()),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await;
    match created {
        Ok(_) => Ok(id),
        // A concurrent request created it first: use theirs.
        Err(e) => match pc::Entity::find()
            .filter(pc::Column::ProductId.eq(product_id))
            .one(db)
            .await?
        {
            Some(c) => Ok(c.client_id),
            None => Err(e.into()),
        },
    }
}

/// The credentials section of the product page; any member of the partner may look.
pub async fn credentials(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<CredentialsDto, AppError> {
    let (_, role) = require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let keys = ak::Entity::find()
        .filter(ak::Column::ProductId.eq(p.id))
        .order_by_desc(ak::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|k| AccessKeyDto {
            id: k.id,
            slot: k.slot,
            created_at: local(k.created_at),
            last_used_at: k.last_used_at.map(local),
            revoked_at: k.revoked_at.map(local),
        })
        .collect();
    Ok(CredentialsDto {
        client_id: client_id(db, p.id).await?,
        keys,
        can_manage: role == Role::Admin,
    })
}

/// Creates an access key in the free slot (1 or 2); partner admins only. The returned secret is
/// shown once and never stored.
pub async fn create_key(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<NewAccessKey, AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    issue_key(db, config, actor, &p).await
}

/// Creates an access key for any product from the operator's command line (`server
/// create-access-key`), audited as `cli`; for setting up the platform's own test clients.
pub async fn create_key_from_cli(
    db: &impl ConnectionTrait,
    config: &Config,
    product_id: i32,
) -> Result<NewAccessKey, AppError> {
    let p = product::Entity::find_by_id(product_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    issue_key(db, config, &Actor::cli(), &p).await
}

/// Creates the key in the free slot once the caller has been authorized.
async fn issue_key(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    p: &product::Model,
) -> Result<NewAccessKey, AppError> {
    let active = ak::Entity::find()
        .filter(ak::Column::ProductId.eq(p.id))
        .filter(ak::Column::RevokedAt.is_null())
        .all(db)
        .await?;
    let slots: Vec<i32> = active.iter().map(|k| k.slot).collect();
    let Some(slot) = free_slot(&slots) else {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "credentials-both-active-create"
        )));
    };
    let (secret, secret_hash) = new_secret(config, "psk_");
    ak::ActiveModel {
        product_id: Set(p.id),
        slot: Set(slot),
        secret_hash: Set(secret_hash),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        actor,
        Some(p.partner_id),
        "credentials.key_created",
        &p.name,
        &format!("access key {slot}"),
    )
    .await?;
    Ok(NewAccessKey {
        slot,
        client_id: client_id(db, p.id).await?,
        secret,
    })
}

/// Revokes an access key at once; partner admins only.
pub async fn revoke_key(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    key_id: i32,
) -> Result<(), AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let key = ak::Entity::find_by_id(key_id)
        .one(db)
        .await?
        .filter(|k| k.product_id == p.id)
        .ok_or(AppError::NotFound)?;
    if key.revoked_at.is_some() {
        return Err(AppError::Conflict(t!(
            actor.lang,
            "credentials-already-revoked",
            n = key.slot
        )));
    }
    let slot = key.slot;
    let mut m: ak::ActiveModel = key.into();
    m.revoked_at = Set(Some(now()));
    m.update(db).await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "credentials.key_revoked",
        &p.name,
        &format!("access key {slot}"),
    )
    .await
}

/// A client ID's product and its active access keys: what authenticating a request needs.
#[derive(Debug, Clone)]
pub struct ClientRecord {
    pub product: product::Model,
    /// The product's active (unrevoked) keys.
    pub keys: Vec<ak::Model>,
}

impl ClientRecord {
    /// The active key whose secret this is.
    pub fn key_for(&self, config: &Config, secret: &str) -> Option<&ak::Model> {
        matching(config, &self.keys, |k| &k.secret_hash, secret)
    }
}

/// The product and active keys of a client ID, or `None` when the client ID is unknown or its
/// partner is deactivated.
pub async fn client_record(
    db: &impl ConnectionTrait,
    client: &str,
) -> Result<Option<ClientRecord>, AppError> {
    let Some(cred) = pc::Entity::find()
        .filter(pc::Column::ClientId.eq(client))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(product) = product::Entity::find_by_id(cred.product_id).one(db).await? else {
        return Ok(None);
    };
    let partner_active = organization::Entity::find_by_id(product.partner_id)
        .one(db)
        .await?
        .is_some_and(|o| o.status == ActiveStatus::Active);
    if !partner_active {
        return Ok(None);
    }
    let keys = ak::Entity::find()
        .filter(ak::Column::ProductId.eq(cred.product_id))
        .filter(ak::Column::RevokedAt.is_null())
        .all(db)
        .await?;
    Ok(Some(ClientRecord { product, keys }))
}

/// Writes "last used" of a key.
pub async fn record_use(
    db: &impl ConnectionTrait,
    key_id: i32,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    ak::Entity::update_many()
        .col_expr(ak::Column::LastUsedAt, Expr::value(at))
        .filter(ak::Column::Id.eq(key_id))
        .exec(db)
        .await?;
    Ok(())
}

/// The product whose client ID and secret these are, or `None` for unknown, wrong or revoked
/// credentials, straight from the database. Records "last used" at most once a minute per key.
pub async fn authenticate(
    db: &impl ConnectionTrait,
    config: &Config,
    client: &str,
    secret: &str,
) -> Result<Option<product::Model>, AppError> {
    let Some(record) = client_record(db, client).await? else {
        return Ok(None);
    };
    let Some(key) = record.key_for(config, secret) else {
        return Ok(None);
    };
    let at = now();
    if use_due(key.last_used_at, at) {
        record_use(db, key.id, at).await?;
    }
    Ok(Some(record.product))
}
