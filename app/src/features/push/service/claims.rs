//! Claiming due deliveries: workers lease them, subscription by subscription in turn
//! (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so instances never share one). A delivery whose
//! worker died is claimed again when its lease expires: at-least-once, never lost.
use crate::error::AppError;
use crate::glossary::DeliveryStatus;
use crate::server::clock::now;
use crate::server::db::statement;
use crate::server::entities::{push_delivery as pd, push_worker as pw};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, Set};

/// How long a claimed delivery belongs to its worker (longer than any attempt takes).
pub const LEASE: chrono::Duration = chrono::Duration::seconds(60);

/// A subscription with due deliveries, as a claim sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueSubscription {
    pub id: i32,
    /// Its latest attempt failed: it is in a failure streak.
    pub failing: bool,
}

/// What one worker can take on in a claim.
#[derive(Clone, Copy)]
pub struct Room<'a> {
    /// Free slots in all.
    pub total: usize,
    /// How many more deliveries the worker may start for a subscription now (its share of
    /// the slots less what it has in flight).
    pub share: &'a (dyn Fn(DueSubscription) -> usize + Sync),
    /// Subscriptions with a greater ID are served first: the worker passes the last one it
    /// served, so when slots run short the subscriptions take turns.
    pub after: i32,
    /// The claiming worker instance (`PORTICO_INSTANCE_ID`), which the leases name.
    pub instance: &'a str,
}

/// How long an instance may go without a heartbeat before its leases are anyone's.
pub const HEARTBEAT_STALE: chrono::Duration = chrono::Duration::seconds(15);

/// The lease condition of a claimable delivery `d`: nobody's, expired, or held by an instance
/// that stopped beating (`$2` is now, `$3` the stale-heartbeat cutoff).
const FREE: &str = "(d.lease_until IS NULL OR d.lease_until < $2 OR d.lease_owner IN (\
    SELECT w.instance_id FROM push_workers w WHERE w.heartbeat_at < $3))";

/// The subscriptions, by ID, that have a delivery due at `at` that nobody holds. A loose index
/// scan hops from one subscription with pending deliveries to the next (one index seek each),
/// so the cost follows the subscriptions that have work, not all subscriptions nor any
/// backlog's length; each is then checked for a due, unleased delivery.
async fn subscriptions_with_due_work(
    db: &impl ConnectionTrait,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<DueSubscription>, AppError> {
    const SQL: &str = "WITH RECURSIVE pending(id) AS (\
           SELECT (SELECT MIN(subscription_id) FROM push_deliveries WHERE status = $1) \
           UNION ALL \
           SELECT (SELECT MIN(subscription_id) FROM push_deliveries \
                   WHERE status = $1 AND subscription_id > pending.id) \
           FROM pending WHERE pending.id IS NOT NULL) \
         SELECT s.id, CASE WHEN s.failing_since IS NULL THEN 0 ELSE 1 END AS failing \
         FROM pending JOIN push_subscriptions s ON s.id = pending.id WHERE EXISTS (\
           SELECT 1 FROM push_deliveries d WHERE d.status = $1 AND d.subscription_id = s.id \
           AND d.next_attempt_at <= $2 AND {FREE}) \
         ORDER BY s.id";
    let sql = SQL.replace("{FREE}", FREE);
    let values = vec![
        DeliveryStatus::Pending.as_str().into(),
        at.into(),
        (at - HEARTBEAT_STALE).into(),
    ];
    let rows = db.query_all_raw(statement(db, &sql, values)).await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some(DueSubscription {
                id: r.try_get::<i32>("", "id").ok()?,
                failing: r.try_get::<i32>("", "failing").ok()? != 0,
            })
        })
        .collect())
}

/// Leases up to `limit` of one subscription's due deliveries, oldest first. On PostgreSQL rows
/// another instance is claiming are skipped, never waited for or taken twice.
async fn claim_of_subscription(
    db: &impl ConnectionTrait,
    at: chrono::DateTime<chrono::Utc>,
    subscription_id: i32,
    limit: usize,
    instance: &str,
) -> Result<Vec<i32>, AppError> {
    let lock = if db.get_database_backend() == DatabaseBackend::Postgres {
        "FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let sql = format!(
        "UPDATE push_deliveries SET lease_until = $4, lease_owner = $6 WHERE id IN (\
           SELECT d.id FROM push_deliveries d WHERE d.status = $1 AND d.subscription_id = $5 \
           AND d.next_attempt_at <= $2 AND {FREE} \
           ORDER BY d.next_attempt_at LIMIT $7 {lock}) RETURNING id"
    );
    let values: Vec<sea_orm::Value> = vec![
        DeliveryStatus::Pending.as_str().into(),
        at.into(),
        (at - HEARTBEAT_STALE).into(),
        (at + LEASE).into(),
        subscription_id.into(),
        instance.into(),
        (limit as i64).into(),
    ];
    let rows = db.query_all_raw(statement(db, &sql, values)).await?;
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get::<i32>("", "id").ok())
        .collect())
}

/// Claims due deliveries for `LEASE`, fairly: the subscriptions with due work take turns
/// (starting after `room.after`), each up to its free share of the worker's slots. A
/// subscription whose share is taken (a slow or hung receiver) is not read at all, so its
/// backlog costs the others nothing.
pub async fn claim_due(
    db: &impl ConnectionTrait,
    at: chrono::DateTime<chrono::Utc>,
    room: &Room<'_>,
) -> Result<Vec<Claimed>, AppError> {
    if room.total == 0 {
        return Ok(Vec::new());
    }
    let due = subscriptions_with_due_work(db, at).await?;
    let (later, earlier): (Vec<_>, Vec<_>) = due.into_iter().partition(|s| s.id > room.after);
    let mut left = room.total;
    let mut claimed = Vec::new();
    for sub in later.into_iter().chain(earlier) {
        let take = (room.share)(sub).min(left);
        if take == 0 {
            continue;
        }
        let subscription_id = sub.id;
        let ids = claim_of_subscription(db, at, subscription_id, take, room.instance).await?;
        left -= ids.len();
        claimed.extend(ids.into_iter().map(|delivery_id| Claimed {
            delivery_id,
            subscription_id,
        }));
        if left == 0 {
            break;
        }
    }
    Ok(claimed)
}

/// A claimed delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claimed {
    pub delivery_id: i32,
    pub subscription_id: i32,
}

/// Deletes events older than `retention` whose deliveries are all finished, with their
/// deliveries and attempts (foreign keys cascade). Returns how many events went.
pub async fn purge_older_than(
    db: &impl ConnectionTrait,
    retention: chrono::Duration,
) -> Result<u64, AppError> {
    const SQL: &str = "DELETE FROM push_events WHERE created_at < $1 AND NOT EXISTS (\
           SELECT 1 FROM push_deliveries d WHERE d.event_id = push_events.id AND d.status = $2)";
    let values: Vec<sea_orm::Value> = vec![
        (now() - retention).into(),
        DeliveryStatus::Pending.as_str().into(),
    ];
    let res = db.execute_raw(statement(db, SQL, values)).await?;
    Ok(res.rows_affected())
}

/// An instance's heartbeat: it is alive, and its leases are its own.
pub async fn heartbeat(db: &impl ConnectionTrait, instance: &str) -> Result<(), AppError> {
    let at = now();
    let found = pw::Entity::update_many()
        .col_expr(pw::Column::HeartbeatAt, Expr::value(at))
        .filter(pw::Column::InstanceId.eq(instance))
        .exec(db)
        .await?;
    if found.rows_affected == 0 {
        let row = pw::ActiveModel {
            instance_id: Set(instance.to_owned()),
            heartbeat_at: Set(at),
        };
        // Two processes starting with one name at once: the other inserted it; fine.
        let _ = pw::Entity::insert(row).exec_without_returning(db).await;
    }
    Ok(())
}

/// At start: the leases this instance held before it stopped (a crash, `kill -9`) are released
/// at once, so its deliveries resume within seconds instead of when the leases expire. They are
/// sent again with the same `webhook-id`, so receivers can tell a repeat.
pub async fn reclaim_own(db: &impl ConnectionTrait, instance: &str) -> Result<u64, AppError> {
    let res = pd::Entity::update_many()
        .col_expr(
            pd::Column::LeaseUntil,
            Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .col_expr(pd::Column::LeaseOwner, Expr::value(Option::<String>::None))
        .filter(pd::Column::LeaseOwner.eq(instance))
        .filter(pd::Column::Status.eq(DeliveryStatus::Pending))
        .exec(db)
        .await?;
    heartbeat(db, instance).await?;
    Ok(res.rows_affected)
}
