//! A sales unit's page: its details, the partner's products on it, the push subscriptions that
//! reach it, and its history as this partner may read it.
use super::connection::{partner_products, sales_unit};
use super::list::describe;
use crate::error::AppError;
use crate::features::sales_units::dto::{HistoryEntry, SalesUnitDetail, SubscriptionRef};
use crate::glossary::{OrgKind, Role, SubscriptionStatus};
use crate::server::clock::local;
use crate::server::entities::{organization, product, push_subscription, sales_unit_event};
use crate::server::scope::{require_partner, Actor};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// History entries a page shows, newest first.
pub const HISTORY_LIMIT: u64 = 100;

/// The partner's sales unit `installation_id`; `NotFound` when it is not one (rule 10).
pub async fn detail(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
) -> Result<SalesUnitDetail, AppError> {
    let (_, role) = require_partner(db, actor, org_id).await?;
    let products = partner_products(db, org_id).await?;
    let ids: Vec<i32> = products.iter().map(|p| p.0).collect();
    let inst = sales_unit(db, &ids, installation_id).await?;
    let inst_id = inst.id;
    let logo_url = super::edit::logo_url(db, org_id, OrgKind::Partner, &inst).await?;
    let unit = describe(db, &products, vec![inst])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let on_unit: Vec<i32> = unit.products.iter().map(|p| p.product_id).collect();
    let subscriptions = push_subscription::Entity::find()
        .filter(push_subscription::Column::ProductId.is_in(on_unit))
        .order_by_asc(push_subscription::Column::Url)
        .all(db)
        .await?
        .into_iter()
        .map(|s| SubscriptionRef {
            product: name_of(&products, s.product_id),
            id: s.public_id,
            product_id: s.product_id,
            url: s.url,
            enabled: s.status == SubscriptionStatus::Enabled,
        })
        .collect();
    let history = history(db, inst_id, partner_sees(ids), None, HISTORY_LIMIT).await?;
    Ok(SalesUnitDetail {
        unit,
        subscriptions,
        history,
        can_edit: role == Role::Admin,
        logo_url,
    })
}

/// Another partner's products on the same sales unit are none of this partner's business: it
/// reads the changes to the sales unit itself and those to its own products.
fn partner_sees(own_products: Vec<i32>) -> Condition {
    Condition::any()
        .add(sales_unit_event::Column::ProductId.is_null())
        .add(sales_unit_event::Column::ProductId.is_in(own_products))
}

/// The partner's sales unit's history, newest first: at most `limit` entries older than entry
/// `before` (from the newest when `None`); `NotFound` when it is not its sales unit.
pub async fn partner_history(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    installation_id: &str,
    before: Option<i32>,
    limit: u64,
) -> Result<Vec<HistoryEntry>, AppError> {
    require_partner(db, actor, org_id).await?;
    let ids: Vec<i32> = partner_products(db, org_id)
        .await?
        .into_iter()
        .map(|p| p.0)
        .collect();
    let inst = sales_unit(db, &ids, installation_id).await?;
    history(
        db,
        inst.id,
        partner_sees(ids),
        before,
        limit.min(HISTORY_LIMIT + 1),
    )
    .await
}

fn name_of(products: &[(i32, String)], id: i32) -> String {
    products
        .iter()
        .find(|p| p.0 == id)
        .map(|p| p.1.clone())
        .unwrap_or_default()
}

/// The newest `limit` entries (older than entry `before`, when given) of an installation's
/// history that `visible` lets the reader see, with the organizations and products named, in
/// three queries.
pub async fn history(
    db: &impl ConnectionTrait,
    installation: i32,
    visible: Condition,
    before: Option<i32>,
    limit: u64,
) -> Result<Vec<HistoryEntry>, AppError> {
    let mut entries = sales_unit_event::Entity::find()
        .filter(sales_unit_event::Column::InstallationId.eq(installation))
        .filter(visible);
    if let Some(before) = before {
        entries = entries.filter(sales_unit_event::Column::Id.lt(before));
    }
    let entries = entries
        .order_by_desc(sales_unit_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let orgs: Vec<(i32, String)> = organization::Entity::find()
        .select_only()
        .column(organization::Column::Id)
        .column(organization::Column::Name)
        .filter(organization::Column::Id.is_in(entries.iter().filter_map(|e| e.organization_id)))
        .into_tuple()
        .all(db)
        .await?;
    let products: Vec<(i32, String)> = product::Entity::find()
        .select_only()
        .column(product::Column::Id)
        .column(product::Column::Name)
        .filter(product::Column::Id.is_in(entries.iter().filter_map(|e| e.product_id)))
        .into_tuple()
        .all(db)
        .await?;
    Ok(entries
        .into_iter()
        .map(|e| HistoryEntry {
            id: e.id,
            at: local(e.at),
            who: e.actor,
            acting_as: e.organization_id.map(|id| name_of(&orgs, id)),
            kind: e.kind,
            product: e.product_id.map(|id| name_of(&products, id)),
            old_value: e.old_value,
            new_value: e.new_value,
        })
        .collect())
}
