//! "Access and security" (rule 6): a product is available to every installation, or only to
//! listed installation IDs, each a known, active installation.
use super::own_product;
use crate::error::AppError;
use crate::features::products::dto::{AccessMode, InstallationRef};
use crate::glossary::ActiveStatus;
use crate::server::clock::now;
use crate::server::entities::{installation, product, product_access};
use crate::server::scope::{require_partner, Actor};
use crate::server::{audit, validate};
use crate::t;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use std::str::FromStr;

/// "Access and security": every installation, or only the listed installation IDs (each must
/// be a known, active installation). Returns the listed installations with their names.
pub async fn set_access<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    product_id: i32,
    mode: &str,
    installation_ids: &str,
) -> Result<Vec<InstallationRef>, AppError> {
    require_partner(db, actor, org_id).await?;
    let p = own_product(db, org_id, product_id).await?;
    let mode = AccessMode::from_str(mode)
        .map_err(|_| AppError::invalid(t!(actor.lang, "invalid-access-mode")))?;
    let mut rows = Vec::new();
    if mode == AccessMode::Listed {
        let mut wanted = Vec::new();
        for raw in installation_ids
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
        {
            let id = validate::installation_id(actor.lang, raw)?;
            if !wanted.contains(&id) {
                wanted.push(id);
            }
        }
        if wanted.is_empty() {
            return Err(AppError::invalid(t!(actor.lang, "invalid-access-empty")));
        }
        let found = installation::Entity::find()
            .filter(installation::Column::InstallationId.is_in(wanted.clone()))
            .filter(installation::Column::Status.eq(ActiveStatus::Active))
            .all(db)
            .await?;
        let unknown: Vec<&String> = wanted
            .iter()
            .filter(|w| !found.iter().any(|f| &&f.installation_id == w))
            .collect();
        if !unknown.is_empty() {
            let list = unknown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(AppError::invalid(t!(
                actor.lang,
                "invalid-access-unknown",
                list = list
            )));
        }
        rows = found.into_iter().map(|i| i.id).collect();
    }
    let actor = actor.clone();
    let name = p.name.clone();
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            product_access::Entity::delete_many()
                .filter(product_access::Column::ProductId.eq(p.id))
                .exec(txn)
                .await?;
            for id in &rows {
                product_access::ActiveModel {
                    product_id: Set(p.id),
                    installation_id: Set(*id),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
            }
            let mut m: product::ActiveModel = p.into();
            m.access_mode = Set(mode);
            m.updated_at = Set(now());
            m.update(txn).await?;
            audit::record(
                txn,
                &actor,
                Some(org_id),
                "product.access_changed",
                &name,
                &format!("{} ({} listed)", mode.as_str(), rows.len()),
            )
            .await
        })
    })
    .await?;
    super::detail::access_list(db, product_id).await
}
