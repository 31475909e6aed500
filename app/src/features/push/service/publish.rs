//! Publishing: `POST /api/v1/events` writes the event and one delivery per matching
//! subscription in one transaction (an outbox); "Send test event", "Redeliver" and "Replay
//! failed since" queue deliveries the same way.
use super::subscriptions::{event_types_of, public_id};
use crate::error::AppError;
use crate::features::catalog;
use crate::glossary::{ActiveStatus, DeliveryStatus, SubscriptionStatus};
use crate::server::audit;
use crate::server::clock::now;
use crate::server::entities::{
    activation, api_function, installation, product, push_delivery as pd, push_event as pe,
    push_subscription as ps, version_grant,
};
use crate::server::scope::{require_partner_admin, Actor};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use std::collections::BTreeSet;

/// The event type of "Send test event".
pub const TEST_EVENT: &str = "portico.test";

/// The event types of an order integration product's orders, which every such product's
/// subscriptions may receive whatever functions it requires.
pub const ORDER_EVENT_TYPES: &[&str] = &["order.created", "order.cancelled"];

/// How the subscription form names the built-in order events' "function".
pub const ORDER_EVENTS_FUNCTION: &str = "portico.orders";

fn body_of(
    event_type: &str,
    at: chrono::DateTime<chrono::Utc>,
    data: &serde_json::Value,
) -> String {
    serde_json::json!({
        "type": event_type,
        "timestamp": at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "data": data,
    })
    .to_string()
}

/// Queues one delivery of the event to each subscription, in one statement.
async fn insert_deliveries(
    db: &impl ConnectionTrait,
    event_id: i32,
    subscriptions: &[i32],
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), AppError> {
    if subscriptions.is_empty() {
        return Ok(());
    }
    let rows = subscriptions.iter().map(|s| pd::ActiveModel {
        public_id: Set(public_id("msg")),
        event_id: Set(event_id),
        subscription_id: Set(*s),
        status: Set(DeliveryStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(Some(at)),
        created_at: Set(at),
        ..Default::default()
    });
    pd::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// A published event: its ID and how many deliveries it made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub event_id: String,
    pub deliveries: usize,
}

/// Records an event and, in the same transaction, one delivery to every enabled subscription
/// of the type whose product the installation has activated at a version granting the
/// event's function.
pub async fn publish<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    installation_id: &str,
    event_type: &str,
    data: serde_json::Value,
) -> Result<Published, AppError> {
    let event_type = event_type.trim().to_owned();
    if event_type.is_empty() || event_type.len() > 100 {
        return Err(AppError::invalid(
            "type must be an event type such as estate.updated.",
        ));
    }
    if !data.is_object() {
        return Err(AppError::invalid("data must be a JSON object."));
    }
    let iid = installation_id.trim().to_uppercase();
    let Some(inst) = installation::find_visible(db, &iid).await? else {
        return Err(AppError::invalid(format!(
            "There is no active installation {iid}."
        )));
    };
    // The database narrows the catalog to rows whose JSON mentions the type; the exact check
    // follows (this runs for every published event).
    let functions: Vec<i32> = api_function::Entity::find()
        .filter(api_function::Column::PushEventTypes.contains(format!("\"{event_type}\"")))
        .all(db)
        .await?
        .into_iter()
        .filter(|f| catalog::service::event_types(f).is_ok_and(|t| t.contains(&event_type)))
        .map(|f| f.id)
        .collect();
    if functions.is_empty() {
        return Err(AppError::invalid(format!(
            "No function in the catalog has the event type {event_type}."
        )));
    }
    let activations = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::Status.eq(ActiveStatus::Active))
        .all(db)
        .await?;
    let granting_versions: BTreeSet<i32> = version_grant::Entity::find()
        .filter(version_grant::Column::VersionId.is_in(activations.iter().map(|a| a.version_id)))
        .filter(version_grant::Column::FunctionId.is_in(functions))
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.version_id)
        .collect();
    let products: Vec<i32> = activations
        .iter()
        .filter(|a| granting_versions.contains(&a.version_id))
        .map(|a| a.product_id)
        .collect();
    let subscriptions: Vec<i32> = ps::Entity::find()
        .filter(ps::Column::ProductId.is_in(products))
        .filter(ps::Column::Status.eq(SubscriptionStatus::Enabled))
        .all(db)
        .await?
        .into_iter()
        .filter(|s| event_types_of(s).is_ok_and(|t| t.contains(&event_type)))
        .map(|s| s.id)
        .collect();
    let at = now();
    let event_public = public_id("evt");
    let body = body_of(&event_type, at, &data);
    let (ev_id, count) = (event_public.clone(), subscriptions.len());
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let event = pe::ActiveModel {
                public_id: Set(ev_id),
                installation_id: Set(Some(inst.id)),
                event_type: Set(event_type),
                body: Set(Some(body)),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            insert_deliveries(txn, event.id, &subscriptions, at).await?;
            Ok(())
        })
    })
    .await?;
    Ok(Published {
        event_id: event_public,
        deliveries: count,
    })
}

/// Records an event about one product only (its orders' events) and queues a delivery to each
/// of the product's enabled subscriptions of that type, on the caller's connection: in the
/// caller's transaction, so the order and its event are written together or not at all.
pub async fn publish_to_product(
    db: &impl ConnectionTrait,
    installation: i32,
    product_id: i32,
    event_type: &str,
    data: &serde_json::Value,
) -> Result<Published, AppError> {
    let subscriptions: Vec<i32> = ps::Entity::find()
        .filter(ps::Column::ProductId.eq(product_id))
        .filter(ps::Column::Status.eq(SubscriptionStatus::Enabled))
        .all(db)
        .await?
        .into_iter()
        .filter(|s| event_types_of(s).is_ok_and(|t| t.iter().any(|t| t == event_type)))
        .map(|s| s.id)
        .collect();
    let at = now();
    let event = pe::ActiveModel {
        public_id: Set(public_id("evt")),
        installation_id: Set(Some(installation)),
        event_type: Set(event_type.to_owned()),
        body: Set(Some(body_of(event_type, at, data))),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    insert_deliveries(db, event.id, &subscriptions, at).await?;
    Ok(Published {
        event_id: event.public_id,
        deliveries: subscriptions.len(),
    })
}

/// The partner admin's subscription by public ID (another partner's is "not found").
async fn admin_subscription(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    public_id: &str,
) -> Result<ps::Model, AppError> {
    require_partner_admin(db, actor, org_id).await?;
    let sub = ps::Entity::find()
        .filter(ps::Column::PublicId.eq(public_id.trim()))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    product::Entity::find_by_id(sub.product_id)
        .one(db)
        .await?
        .filter(|p| p.partner_id == org_id)
        .ok_or(AppError::NotFound)?;
    Ok(sub)
}

/// "Send test event": a `portico.test` event to this subscription only, delivered like any
/// other (it shows in the log).
pub async fn send_test<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    actor: &Actor,
    org_id: i32,
    subscription: &str,
) -> Result<(), AppError> {
    let sub = admin_subscription(db, actor, org_id, subscription).await?;
    let at = now();
    let data = serde_json::json!({ "subscription": sub.public_id, "message": "A test event from Portico." });
    let body = body_of(TEST_EVENT, at, &data);
    let sub_id = sub.id;
    crate::server::db::write(db, |txn| {
        Box::pin(async move {
            let event = pe::ActiveModel {
                public_id: Set(public_id("evt")),
                installation_id: Set(None),
                event_type: Set(TEST_EVENT.into()),
                body: Set(Some(body)),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            insert_deliveries(txn, event.id, &[sub_id], at).await
        })
    })
    .await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "subscription.test_sent",
        &sub.public_id,
        "",
    )
    .await
}

/// An update that makes the subscription's deliveries (narrowed by the caller) due again now.
fn requeue(subscription_id: i32) -> sea_orm::UpdateMany<pd::Entity> {
    pd::Entity::update_many()
        .col_expr(pd::Column::Status, Expr::value(DeliveryStatus::Pending))
        .col_expr(pd::Column::NextAttemptAt, Expr::value(now()))
        .col_expr(
            pd::Column::CompletedAt,
            Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .filter(pd::Column::SubscriptionId.eq(subscription_id))
}

/// "Redeliver": one more attempt of a delivery, now.
pub async fn redeliver(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    subscription: &str,
    delivery: &str,
) -> Result<(), AppError> {
    let sub = admin_subscription(db, actor, org_id, subscription).await?;
    let done = requeue(sub.id)
        .filter(pd::Column::PublicId.eq(delivery.trim()))
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    audit::record(
        db,
        actor,
        Some(org_id),
        "delivery.redelivered",
        delivery.trim(),
        "",
    )
    .await
}

/// "Replay failed since": every failed delivery of the subscription created since `since`
/// gets one more attempt. Returns how many.
pub async fn replay_failed_since(
    db: &impl ConnectionTrait,
    actor: &Actor,
    org_id: i32,
    subscription: &str,
    since: chrono::DateTime<chrono::Utc>,
) -> Result<u64, AppError> {
    let sub = admin_subscription(db, actor, org_id, subscription).await?;
    let done = requeue(sub.id)
        .filter(pd::Column::Status.eq(DeliveryStatus::Failed))
        .filter(pd::Column::CreatedAt.gte(since))
        .exec(db)
        .await?;
    audit::record(
        db,
        actor,
        Some(org_id),
        "delivery.replayed",
        &sub.public_id,
        &format!("{} failed since {since}", done.rows_affected),
    )
    .await?;
    Ok(done.rows_affected)
}
