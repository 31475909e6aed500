//! "Request activation in the partner sandbox": a partner admin asks the sandbox's
//! administrators (the operator's staff) to activate the product's active version on the
//! partner sandbox installation (`MSVPAR`). They are told by notification and e-mail, with a
//! link to the sandbox's supplier panel, where they review exactly what a customer reviews and
//! activate it in one click.
use super::own_product;
use crate::error::AppError;
use crate::features::notifications::service::notify_admins;
use crate::glossary::{ActiveStatus, VersionState};
use crate::server::entities::product_version as pv;
use crate::server::entities::{activation, installation, notification, organization};
use crate::server::scope::{require_partner_admin, Actor};
use crate::server::{audit, Config};
use crate::t;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// Asks the sandbox's administrators to activate `product_id`'s active version there; returns
/// the version asked for. Refused when the product has no active version, there is no sandbox,
/// the product already runs there, or this version was already asked for.
pub async fn request(
    db: &impl ConnectionTrait,
    config: &Config,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
) -> Result<i32, AppError> {
    let partner = require_partner_admin(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let lang = actor.lang;
    let version = pv::Entity::find()
        .filter(pv::Column::ProductId.eq(p.id))
        .filter(pv::Column::State.eq(VersionState::Active))
        .one(db)
        .await?
        .ok_or_else(|| AppError::Conflict(t!(lang, "sandbox-request-no-version")))?
        .number;
    let sandbox = installation::Entity::find()
        .filter(installation::Column::IsSandbox.eq(true))
        .filter(installation::Column::Status.eq(ActiveStatus::Active))
        .one(db)
        .await?
        .ok_or_else(|| AppError::Conflict(t!(lang, "sandbox-request-no-sandbox")))?;
    let runs = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(sandbox.id))
        .filter(activation::Column::ProductId.eq(p.id))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .count(db)
        .await?
        > 0;
    let place = sandbox.installation_id.clone();
    if runs {
        return Err(AppError::Conflict(t!(
            lang,
            "sandbox-request-runs",
            installation = place
        )));
    }
    // One request per version: the administrators' notices carry this key.
    let key = format!("sandbox-request:{}:{version}", p.id);
    let asked = notification::Entity::find()
        .filter(notification::Column::DedupeKey.starts_with(format!("{key}:")))
        .count(db)
        .await?
        > 0;
    if asked {
        return Err(AppError::Conflict(t!(
            lang,
            "sandbox-request-sent",
            version = version
        )));
    }
    let sandbox_admins = organization::Entity::find_by_id(sandbox.customer_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let link = crate::paths::supplier_panel(sandbox_admins.id, &place, p.id);
    notify_admins(
        db,
        config,
        sandbox_admins.id,
        &key,
        |lang| {
            (
                t!(
                    lang,
                    "sandbox-request-title",
                    partner = partner.name.clone(),
                    product = p.name.clone()
                ),
                t!(
                    lang,
                    "sandbox-request-body",
                    version = version,
                    installation = place.clone()
                ),
            )
        },
        &link,
    )
    .await?;
    let what = format!("version {version} on {place}");
    audit::record_about(
        db,
        actor,
        Some(org_id),
        Some(sandbox_admins.id),
        "product.sandbox_requested",
        &p.name,
        &what,
    )
    .await?;
    Ok(version)
}
