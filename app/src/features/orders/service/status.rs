//! Moving an order forward: the partner accepts, completes or declines it (in the portal as a
//! member, or with the product's credentials), the customer's admins or the platform cancel
//! it. Each move is a compare-and-set on the status it was seen in, so of two people moving an
//! order at once one succeeds and the other is told what it is now; it is written to the
//! timeline and the audit log, and a cancellation is pushed to the partner (`order.cancelled`).
use super::detail::visible_order;
use crate::error::AppError;
use crate::features::push::service::publish::publish_to_product;
use crate::glossary::{OrderParty, OrderStatus, Role};
use crate::i18n::Lang;
use crate::server::clock::now;
use crate::server::entities::{installation, order, order_update};
use crate::server::scope::Actor;
use crate::server::{audit, db};
use crate::t;
use sea_orm::sea_query::Expr;
use sea_orm::TransactionTrait;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// The longest message.
pub const MAX_MESSAGE: usize = 2000;

/// The statuses `party` may move an order to (when the order's status allows it).
pub fn moves_of(party: OrderParty) -> &'static [OrderStatus] {
    match party {
        OrderParty::Partner => &[
            OrderStatus::Accepted,
            OrderStatus::Completed,
            OrderStatus::Declined,
        ],
        OrderParty::Customer | OrderParty::Platform => &[OrderStatus::Cancelled],
    }
}

/// The statuses `party` may move an order in `status` to now.
pub fn next_for(party: OrderParty, status: OrderStatus) -> Vec<OrderStatus> {
    moves_of(party)
        .iter()
        .copied()
        .filter(|n| status.may_become(*n))
        .collect()
}

/// Why `party` may not move an order from `from` to `to`, in `lang`, if it may not.
fn refusal(
    lang: Lang,
    party: OrderParty,
    from: OrderStatus,
    to: OrderStatus,
    message: &str,
) -> Option<AppError> {
    if message.chars().count() > MAX_MESSAGE {
        return Some(AppError::invalid(t!(
            lang,
            "order-message-too-long",
            max = MAX_MESSAGE
        )));
    }
    if to == OrderStatus::Declined && message.trim().is_empty() {
        return Some(AppError::invalid(t!(lang, "order-decline-needs-message")));
    }
    if !moves_of(party).contains(&to) {
        return Some(AppError::invalid(t!(
            lang,
            "order-move-not-yours",
            status = to.label(lang).to_lowercase()
        )));
    }
    (!from.may_become(to)).then(|| {
        AppError::Conflict(t!(
            lang,
            "order-already",
            status = from.label(lang).to_lowercase()
        ))
    })
}

/// Moves `o` (as last read) to `to` for `party`: the checks, the compare-and-set, the timeline
/// step, the audit entry and, for a cancellation, the partner's `order.cancelled` event. The
/// returned order is as it is now.
pub async fn apply<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    party: OrderParty,
    o: order::Model,
    to: OrderStatus,
    message: &str,
) -> Result<order::Model, AppError> {
    if let Some(refused) = refusal(actor.lang, party, o.status, to, message) {
        return Err(refused);
    }
    let (actor, message) = (actor.clone(), message.trim().to_owned());
    db::write(db, move |txn| {
        Box::pin(async move {
            let at = now();
            let mut update = order::Entity::update_many()
                .col_expr(order::Column::Status, Expr::value(to))
                .col_expr(order::Column::UpdatedAt, Expr::value(at));
            if to == OrderStatus::Completed {
                update = update.col_expr(order::Column::CompletedAt, Expr::value(Some(at)));
            }
            let moved = update
                .filter(order::Column::Id.eq(o.id))
                .filter(order::Column::Status.eq(o.status))
                .exec(txn)
                .await?;
            if moved.rows_affected == 0 {
                // Someone moved it first: say what it is now.
                let now_status = order::Entity::find_by_id(o.id)
                    .one(txn)
                    .await?
                    .map_or(o.status, |n| n.status);
                return Err(AppError::Conflict(t!(
                    actor.lang,
                    "order-already",
                    status = now_status.label(actor.lang).to_lowercase()
                )));
            }
            order_update::ActiveModel {
                order_id: Set(o.id),
                status: Set(to),
                message: Set(message.clone()),
                by_party: Set(party),
                by_label: Set(actor.label.clone()),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            let inst = installation::Entity::find_by_id(o.installation_id)
                .one(txn)
                .await?
                .ok_or(AppError::NotFound)?;
            let now_order = order::Model {
                status: to,
                updated_at: at,
                completed_at: if to == OrderStatus::Completed {
                    Some(at)
                } else {
                    o.completed_at
                },
                ..o
            };
            if to == OrderStatus::Cancelled {
                publish_to_product(
                    txn,
                    inst.id,
                    now_order.product_id,
                    "order.cancelled",
                    &super::event_data(&now_order, &inst.installation_id),
                )
                .await?;
            }
            audit::record(
                txn,
                &actor,
                Some(inst.customer_id),
                &format!("order.{}", to.as_str()),
                &now_order.public_id,
                &message,
            )
            .await?;
            Ok(now_order)
        })
    })
    .await
}

/// The partner moves its order in the portal: any member of the partner (handling orders is
/// day-to-day work, not configuration).
pub async fn partner_move<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    order_id: &str,
    to: OrderStatus,
    message: &str,
) -> Result<order::Model, AppError> {
    let (o, party, _) = visible_order(db, actor, org_id, order_id).await?;
    if party != OrderParty::Partner {
        return Err(AppError::Forbidden);
    }
    apply(db, actor, party, o, to, message).await
}

/// A customer's admin cancels an order of one of its installations.
pub async fn customer_cancel<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    order_id: &str,
    message: &str,
) -> Result<order::Model, AppError> {
    let (o, party, role) = visible_order(db, actor, org_id, order_id).await?;
    if party != OrderParty::Customer || role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    apply(db, actor, party, o, OrderStatus::Cancelled, message).await
}

/// The order page's form: the partner's move, or the customer's cancellation.
pub async fn move_order<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    order_id: &str,
    to: &str,
    message: &str,
) -> Result<(), AppError> {
    let to: OrderStatus = to
        .trim()
        .parse()
        .map_err(|_| AppError::invalid(t!(actor.lang, "order-choose-status")))?;
    let (_, party, _) = visible_order(db, actor, org_id, order_id).await?;
    match party {
        OrderParty::Customer => customer_cancel(db, actor, org_id, order_id, message).await,
        _ => partner_move(db, actor, org_id, order_id, to, message).await,
    }
    .map(|_| ())
}
