//! Product versions: the working version, rule 3 (an activated version is read-only outside
//! `test` unless only the sandbox has it), "New version", discarding a draft and "Activate".
use super::own_product;
use crate::error::AppError;
use crate::glossary::{ActiveStatus, Environment, ProductStatus, VersionState};
use crate::i18n::Lang;
use crate::server::clock::now;
use crate::server::entities::{
    activation, installation, product, product_version as pv, upgrade_notification, version_grant,
};
use crate::server::scope::{require_partner, require_partner_admin, Actor};
use crate::server::{audit, validate, Config};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};

/// A new, empty draft version `number` of the product.
pub(super) async fn insert_version(
    db: &impl ConnectionTrait,
    product_id: i32,
    number: i32,
) -> Result<pv::Model, AppError> {
    Ok(pv::ActiveModel {
        product_id: Set(product_id),
        number: Set(number),
        state: Set(VersionState::Draft),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The version "Change functions" works on: the draft if there is one, else the active one,
/// else the newest.
pub fn working_version(versions: &[pv::Model]) -> Option<&pv::Model> {
    versions
        .iter()
        .find(|v| v.state == VersionState::Draft)
        .or_else(|| versions.iter().find(|v| v.state == VersionState::Active))
        .or_else(|| versions.iter().max_by_key(|v| v.number))
}

pub(super) async fn versions_of(
    db: &impl ConnectionTrait,
    product_id: i32,
) -> Result<Vec<pv::Model>, AppError> {
    Ok(pv::Entity::find()
        .filter(pv::Column::ProductId.eq(product_id))
        .order_by_asc(pv::Column::Number)
        .all(db)
        .await?)
}

/// Why a version's functions cannot change (rule 3), or `None` when they can.
pub async fn lock_reason(
    lang: Lang,
    db: &impl ConnectionTrait,
    config: &Config,
    v: &pv::Model,
) -> Result<Option<String>, AppError> {
    match v.state {
        VersionState::Draft => Ok(None),
        VersionState::Superseded => Ok(Some(t!(lang, "version-superseded", n = v.number))),
        _ if config.env == Environment::Test => Ok(None),
        _ => {
            let acts = activation::Entity::find()
                .filter(activation::Column::VersionId.eq(v.id))
                .filter(activation::Column::Status.eq(ActiveStatus::Active))
                .all(db)
                .await?;
            let sandbox_ids: Vec<i32> = installation::Entity::find()
                .filter(installation::Column::IsSandbox.eq(true))
                .all(db)
                .await?
                .into_iter()
                .map(|i| i.id)
                .collect();
            if acts
                .iter()
                .any(|a| !sandbox_ids.contains(&a.installation_id))
            {
                Ok(Some(t!(lang, "version-locked", n = v.number)))
            } else {
                Ok(None)
            }
        }
    }
}

/// "New version": draft N+1, a copy of the newest version's grants.
pub async fn new_version<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<i32, AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let actor = actor.clone();
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let versions = versions_of(txn, p.id).await?;
            if let Some(d) = versions.iter().find(|v| v.state == VersionState::Draft) {
                return Err(AppError::Conflict(t!(
                    actor.lang,
                    "version-draft-exists",
                    n = d.number
                )));
            }
            let newest = versions
                .iter()
                .max_by_key(|v| v.number)
                .ok_or(AppError::NotFound)?;
            let draft = insert_version(txn, p.id, newest.number + 1).await?;
            for g in grants_of(txn, newest.id).await? {
                version_grant::ActiveModel {
                    version_id: Set(draft.id),
                    function_id: Set(g.function_id),
                    filters: Set(g.filters),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
            }
            audit::record(
                txn,
                &actor,
                Some(org_id),
                "product.version_created",
                &p.name,
                &format!("version {}", draft.number),
            )
            .await?;
            Ok(draft.number)
        })
    })
    .await
}

/// Discards the draft version, unless it is the product's only version.
pub async fn discard_draft(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<(), AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let versions = versions_of(db, p.id).await?;
    let draft = versions
        .iter()
        .find(|v| v.state == VersionState::Draft)
        .ok_or_else(|| AppError::Conflict(t!(actor.lang, "version-no-draft-discard")))?;
    if versions.len() == 1 {
        return Err(AppError::Conflict(t!(actor.lang, "version-first-discard")));
    }
    pv::Entity::delete_by_id(draft.id).exec(db).await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "product.draft_discarded",
        &p.name,
        &format!("version {}", draft.number),
    )
    .await
}

/// "Activate": the draft becomes the active version, the previous one is superseded, and every
/// installation on an older version is queued for an upgrade notification. Admins only.
pub async fn activate<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    note: Option<String>,
) -> Result<i32, AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let note = validate::optional(
        actor.lang,
        note.as_deref(),
        2000,
        &t!(actor.lang, "field-note-to-customers"),
    )?;
    let actor = actor.clone();
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let versions = versions_of(txn, p.id).await?;
            let draft = versions
                .iter()
                .find(|v| v.state == VersionState::Draft)
                .ok_or_else(|| AppError::Conflict(t!(actor.lang, "version-no-draft-activate")))?
                .clone();
            if version_grant::Entity::find()
                .filter(version_grant::Column::VersionId.eq(draft.id))
                .count(txn)
                .await?
                == 0
            {
                return Err(AppError::invalid(t!(actor.lang, "version-needs-function")));
            }
            for old in versions.iter().filter(|v| v.state == VersionState::Active) {
                let mut m: pv::ActiveModel = old.clone().into();
                m.state = Set(VersionState::Superseded);
                m.update(txn).await?;
            }
            let number = draft.number;
            let mut m: pv::ActiveModel = draft.clone().into();
            m.state = Set(VersionState::Active);
            m.note = Set(note);
            m.activated_at = Set(Some(now()));
            m.update(txn).await?;
            let name = p.name.clone();
            let mut pm: product::ActiveModel = p.clone().into();
            pm.status = Set(ProductStatus::Active);
            pm.updated_at = Set(now());
            pm.update(txn).await?;
            let behind = activation::Entity::find()
                .filter(activation::Column::ProductId.eq(p.id))
                .filter(activation::Column::Status.eq(ActiveStatus::Active))
                .filter(activation::Column::VersionId.ne(draft.id))
                .all(txn)
                .await?;
            for a in &behind {
                upgrade_notification::ActiveModel {
                    product_id: Set(p.id),
                    version_id: Set(draft.id),
                    installation_id: Set(a.installation_id),
                    created_at: Set(now()),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
            }
            let details = format!("version {number}; {} installations to notify", behind.len());
            audit::record(
                txn,
                &actor,
                Some(org_id),
                "product.version_activated",
                &name,
                &details,
            )
            .await?;
            Ok(number)
        })
    })
    .await
}

pub(super) async fn grants_of(
    db: &impl ConnectionTrait,
    version_id: i32,
) -> Result<Vec<version_grant::Model>, AppError> {
    Ok(version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.eq(version_id))
        .all(db)
        .await?)
}
