//! Changing a sales unit's name and logo (rule 10): a partner admin for its connected sales
//! units, a customer admin for its own installations. Each change is recorded in the history
//! both sides read, and a partner's change notifies the customer's administrators.
use super::connection::{partner_products, sales_unit};
use super::customer::own_installation;
use super::picture;
use crate::error::AppError;
use crate::features::accounts::service::installations::set_installation_name;
use crate::features::notifications::service::notify_admins;
use crate::glossary::{HistoryKind, OrgKind};
use crate::i18n::Lang;
use crate::paths;
use crate::server::clock::now;
use crate::server::db::begin_write;
use crate::server::entities::{installation, installation_logo as logo};
use crate::server::history::{self, Change};
use crate::server::scope::{require_admin, require_member, Actor};
use crate::server::Config;
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionSession, TransactionTrait,
};

/// The address of installation `inst`'s logo on `org_id`'s pages (a partner's sales unit page,
/// else the customer's installation page), changing whenever the logo does (so browsers never
/// show a stale one); `None` when it has no logo.
pub async fn logo_url(
    db: &impl ConnectionTrait,
    org_id: i32,
    kind: OrgKind,
    inst: &installation::Model,
) -> Result<Option<String>, AppError> {
    let at = logo::Entity::find()
        .select_only()
        .column(logo::Column::UpdatedAt)
        .filter(logo::Column::InstallationId.eq(inst.id))
        .into_tuple::<chrono::DateTime<chrono::Utc>>()
        .one(db)
        .await?;
    let page = match kind {
        OrgKind::Partner => paths::sales_unit(org_id, &inst.installation_id),
        _ => paths::installation(org_id, &inst.installation_id),
    };
    Ok(at.map(|at| format!("{page}/logo?v={}", at.timestamp_millis())))
}

/// The longest sales unit name.
pub const MAX_NAME: usize = 40;

/// Whether `c` may be in a sales unit's name: letters, digits, spaces and `()-_+.`.
fn name_char(c: char) -> bool {
    c.is_alphanumeric() || " ()-_+.".contains(c)
}

/// A sales unit name: 1 to 40 letters, digits, spaces and `()-_+.`, trimmed.
pub fn valid_name(lang: Lang, raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    let len = name.chars().count();
    if len == 0 || len > MAX_NAME || !name.chars().all(name_char) {
        return Err(AppError::invalid(t!(
            lang,
            "unit-name-invalid",
            max = MAX_NAME
        )));
    }
    Ok(name.to_owned())
}

/// The installation `installation_id` as `org_id` may change it: a connected sales unit for a
/// partner's admin, an own active installation for a customer's admin. Anything else is unknown.
pub async fn editable(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
) -> Result<(installation::Model, OrgKind), AppError> {
    let org = require_admin(db, actor, org_id).await?;
    readable_as(db, org.kind, org_id, installation_id)
        .await
        .map(|i| (i, org.kind))
}

/// The installation as any member of `org_id` may read it (its logo), by the same rule.
pub async fn readable(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
) -> Result<installation::Model, AppError> {
    let (org, _) = require_member(db, actor, org_id).await?;
    readable_as(db, org.kind, org_id, installation_id).await
}

async fn readable_as(
    db: &impl ConnectionTrait,
    kind: OrgKind,
    org_id: i32,
    installation_id: &str,
) -> Result<installation::Model, AppError> {
    match kind {
        OrgKind::Partner => {
            let ids: Vec<i32> = partner_products(db, org_id)
                .await?
                .into_iter()
                .map(|p| p.0)
                .collect();
            sales_unit(db, &ids, installation_id).await
        }
        OrgKind::Customer => own_installation(db, org_id, installation_id).await,
        OrgKind::Operator => Err(AppError::Forbidden),
    }
}

/// Where the customer's administrators read about a change.
fn customer_page(inst: &installation::Model) -> String {
    paths::installation(inst.customer_id, &inst.installation_id)
}

/// Tells the customer's administrators that partner `org_id` changed their sales unit.
async fn tell_customer(
    db: &impl ConnectionTrait,
    config: &Config,
    inst: &installation::Model,
    key: &str,
    what: impl Fn(Lang) -> String,
) -> Result<(), AppError> {
    let message = |lang: Lang| {
        let title = t!(
            lang,
            "unit-changed-title",
            installation = inst.installation_id.clone()
        );
        (title, what(lang))
    };
    notify_admins(
        db,
        config,
        inst.customer_id,
        key,
        message,
        &customer_page(inst),
    )
    .await
}

/// Renames the sales unit.
pub async fn rename<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    name: &str,
) -> Result<(), AppError> {
    let (inst, kind) = editable(db, actor, org_id, installation_id).await?;
    let name = valid_name(actor.lang, name)?;
    if name == inst.name {
        return Ok(());
    }
    let txn = begin_write(db).await?;
    set_installation_name(&txn, inst.id, &name).await?;
    let change = Change {
        old: Some(inst.name.clone()),
        new: Some(name.clone()),
        ..Change::default()
    };
    history::record(
        &txn,
        actor,
        Some(org_id),
        inst.id,
        HistoryKind::Renamed,
        change,
    )
    .await?;
    if kind == OrgKind::Partner {
        let key = format!("unit-renamed:{}:{}", inst.id, now().timestamp_millis());
        let (old, by) = (inst.name.clone(), actor.label.clone());
        let what = |lang| {
            t!(
                lang,
                "unit-renamed-body",
                old = old.clone(),
                new = name.clone(),
                who = by.clone()
            )
        };
        tell_customer(&txn, config, &inst, &key, what).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Replaces the sales unit's logo with `data` (see [`picture::normalize`]).
pub async fn set_logo<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    data: &[u8],
) -> Result<(), AppError> {
    let (inst, kind) = editable(db, actor, org_id, installation_id).await?;
    let png = picture::normalize(actor.lang, data)?;
    let txn = begin_write(db).await?;
    store_logo(&txn, inst.id, png).await?;
    history::record(
        &txn,
        actor,
        Some(org_id),
        inst.id,
        HistoryKind::LogoChanged,
        Change::default(),
    )
    .await?;
    if kind == OrgKind::Partner {
        let key = format!("unit-logo:{}:{}", inst.id, now().timestamp_millis());
        let by = actor.label.clone();
        tell_customer(&txn, config, &inst, &key, |lang| {
            t!(lang, "unit-logo-body", who = by.clone())
        })
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The sales unit's logo (a PNG) and when it last changed, for a member of `org_id` who may
/// read the sales unit; `None` when it has none.
pub async fn logo(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
) -> Result<Option<Vec<u8>>, AppError> {
    let inst = readable(db, actor, org_id, installation_id).await?;
    Ok(logo::Entity::find()
        .filter(logo::Column::InstallationId.eq(inst.id))
        .one(db)
        .await?
        .map(|l| l.data))
}

/// Makes `png` (a logo [`picture::normalize`] made) the logo of the installation with row ID
/// `installation`; the caller has authorized it and records the history.
pub async fn store_logo(
    db: &impl ConnectionTrait,
    installation: i32,
    png: Vec<u8>,
) -> Result<(), AppError> {
    let existing = logo::Entity::find()
        .filter(logo::Column::InstallationId.eq(installation))
        .one(db)
        .await?;
    match existing {
        Some(l) => {
            let mut m: logo::ActiveModel = l.into();
            m.data = Set(png);
            m.updated_at = Set(now());
            m.update(db).await?;
        }
        None => {
            logo::ActiveModel {
                installation_id: Set(installation),
                data: Set(png),
                updated_at: Set(now()),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}
