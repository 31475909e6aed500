//! One order as the partner or the customer sees it: who may see it, its timeline, and what the
//! viewer may do next.
use super::list::describe;
use super::status::next_for;
use crate::error::AppError;
use crate::features::orders::dto::{OrderDetail, OrderStep};
use crate::glossary::{OrderParty, OrgKind, Role};
use crate::server::clock::local;
use crate::server::entities::{installation, order, order_update, product};
use crate::server::scope::{require_member, Actor};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The order `public_id` if the actor's organization `org_id` may see it: the partner whose
/// product it is (while its installation is visible to partners), or the customer whose
/// installation it is. Anyone else gets "not found", as if there were no such order.
pub async fn visible_order(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    public_id: &str,
) -> Result<(order::Model, OrderParty, Role), AppError> {
    let (org, role) = require_member(db, actor, org_id).await?;
    let o = order::Entity::find()
        .filter(order::Column::PublicId.eq(public_id.trim()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let party = match org.kind {
        OrgKind::Partner => {
            let ours = product::Entity::find_by_id(o.product_id)
                .one(db)
                .await?
                .is_some_and(|p| p.partner_id == org.id);
            let visible = installation::Entity::find()
                .filter(installation::Column::Id.eq(o.installation_id))
                .filter(installation::visible())
                .one(db)
                .await?
                .is_some();
            (ours && visible).then_some(OrderParty::Partner)
        }
        OrgKind::Customer => installation::Entity::find_by_id(o.installation_id)
            .one(db)
            .await?
            .filter(|i| i.customer_id == org.id)
            .map(|_| OrderParty::Customer),
        OrgKind::Operator => None,
    };
    let party = party.ok_or(AppError::NotFound)?;
    Ok((o, party, role))
}

/// An order's page.
pub async fn detail(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    public_id: &str,
) -> Result<OrderDetail, AppError> {
    let (o, viewer, role) = visible_order(db, actor, org_id, public_id).await?;
    let steps = order_update::Entity::find()
        .filter(order_update::Column::OrderId.eq(o.id))
        .order_by_asc(order_update::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|u| OrderStep {
            status: u.status,
            message: u.message,
            by_party: u.by_party,
            by_label: u.by_label,
            at: local(u.created_at),
        })
        .collect();
    let data = serde_json::from_str::<serde_json::Value>(&o.data)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_default();
    // A customer's members read; its admins cancel. Any member of the partner handles orders.
    let next = if viewer == OrderParty::Customer && role != Role::Admin {
        Vec::new()
    } else {
        next_for(viewer, o.status)
    };
    let order = describe(db, vec![o])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(OrderDetail {
        order,
        data,
        steps,
        viewer,
        next,
    })
}
