//! A subscription's delivery log, a page at a time: newest first, filtered by status, searched
//! by event ID (`evt_...`) or delivery ID (`msg_...`, the `webhook-id` the receiver saw), and
//! paged with cursors (the first or last delivery shown), so a page stays the same while new
//! deliveries arrive. Authorization is the caller's (`subscriptions::detail`).
use crate::error::AppError;
use crate::features::push::dto::{AttemptDto, DeliveryDto, DeliveryLog};
use crate::glossary::DeliveryStatus;
use crate::server::clock::local;
use crate::server::entities::{push_attempt as pa, push_delivery as pd, push_event as pe};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;

/// Deliveries on one page of the log.
pub const PAGE_SIZE: u64 = 50;

/// Which part of the log to show, as the page's query string gives it.
#[derive(Debug, Clone, Default)]
pub struct LogQuery {
    /// `all`, `pending`, `succeeded` or `failed`; anything else means `all`.
    pub status: String,
    /// An event ID or a delivery ID; empty for every delivery.
    pub search: String,
    /// Deliveries older than this delivery ID (the "Older" link).
    pub before: String,
    /// Deliveries newer than this delivery ID (the "Newer" link).
    pub after: String,
}

/// The internal ID of the subscription's delivery `public_id`, if there is one.
async fn cursor(
    db: &impl ConnectionTrait,
    subscription_id: i32,
    public_id: &str,
) -> Result<Option<i32>, AppError> {
    let public_id = public_id.trim();
    if public_id.is_empty() {
        return Ok(None);
    }
    Ok(pd::Entity::find()
        .filter(pd::Column::SubscriptionId.eq(subscription_id))
        .filter(pd::Column::PublicId.eq(public_id))
        .one(db)
        .await?
        .map(|d| d.id))
}

/// One page of the subscription's log. An unknown cursor (a purged delivery, an edited link)
/// shows the newest page.
pub async fn page(
    db: &impl ConnectionTrait,
    subscription_id: i32,
    query: &LogQuery,
) -> Result<DeliveryLog, AppError> {
    // Anything but a delivery status means every delivery.
    let wanted = query.status.parse::<DeliveryStatus>().ok();
    let status = wanted.map_or("all", DeliveryStatus::as_str);
    let search = query.search.trim().to_owned();
    let mut q = pd::Entity::find().filter(pd::Column::SubscriptionId.eq(subscription_id));
    if let Some(w) = wanted {
        q = q.filter(pd::Column::Status.eq(w));
    }
    if !search.is_empty() {
        let event = pe::Entity::find()
            .filter(pe::Column::PublicId.eq(&search))
            .one(db)
            .await?;
        let mut by_id = Condition::any().add(pd::Column::PublicId.eq(&search));
        if let Some(e) = event {
            by_id = by_id.add(pd::Column::EventId.eq(e.id));
        }
        q = q.filter(by_id);
    }
    let before = cursor(db, subscription_id, &query.before).await?;
    let after = match before {
        Some(_) => None,
        None => cursor(db, subscription_id, &query.after).await?,
    };
    // One more than a page tells whether there is another page in that direction.
    let mut rows = match (before, after) {
        (Some(b), _) => q.filter(pd::Column::Id.lt(b)).order_by_desc(pd::Column::Id),
        (None, Some(a)) => q.filter(pd::Column::Id.gt(a)).order_by_asc(pd::Column::Id),
        (None, None) => q.order_by_desc(pd::Column::Id),
    }
    .limit(PAGE_SIZE + 1)
    .all(db)
    .await?;
    let more = rows.len() as u64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    if after.is_some() {
        rows.reverse();
    }
    let first = rows.first().map(|d| d.public_id.clone());
    let last = rows.last().map(|d| d.public_id.clone());
    // Newer pages exist when we came from one (`before`) or found more going up (`after`);
    // older ones when we came from one (`after`) or found more going down.
    let newer = if before.is_some() || (after.is_some() && more) {
        first
    } else {
        None
    };
    let older = if after.is_some() || more { last } else { None };
    Ok(DeliveryLog {
        deliveries: with_attempts(db, rows).await?,
        status: status.to_owned(),
        search,
        newer,
        older,
    })
}

/// The log rows with their events and attempts (three queries, whatever the page size).
async fn with_attempts(
    db: &impl ConnectionTrait,
    rows: Vec<pd::Model>,
) -> Result<Vec<DeliveryDto>, AppError> {
    let events: HashMap<i32, pe::Model> = pe::Entity::find()
        .filter(pe::Column::Id.is_in(rows.iter().map(|d| d.event_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut attempts: HashMap<i32, Vec<AttemptDto>> = HashMap::new();
    for a in pa::Entity::find()
        .filter(pa::Column::DeliveryId.is_in(rows.iter().map(|d| d.id)))
        .order_by_asc(pa::Column::Id)
        .all(db)
        .await?
    {
        attempts.entry(a.delivery_id).or_default().push(AttemptDto {
            at: local(a.attempted_at),
            status_code: a.status_code,
            duration_ms: a.duration_ms,
            response_start: a.response_start,
            error: a.error,
        });
    }
    Ok(rows
        .into_iter()
        .map(|d| {
            let e = events.get(&d.event_id);
            DeliveryDto {
                id: d.public_id,
                event_id: e.map(|e| e.public_id.clone()).unwrap_or_default(),
                event_type: e.map(|e| e.event_type.clone()).unwrap_or_default(),
                status: d.status,
                created_at: local(d.created_at),
                next_attempt_at: d
                    .next_attempt_at
                    .filter(|_| d.completed_at.is_none())
                    .map(local),
                attempts: attempts.remove(&d.id).unwrap_or_default(),
            }
        })
        .collect())
}
