//! Claiming due deliveries: workers lease them, subscription by subscription in turn
//! (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so instances never share one). A delivery whose
//! worker died is claimed again when its lease expires: at-least-once, never lost.
use crate::error::AppError;
use crate::glossary::DeliveryStatus;
use crate::server::clock::now;
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

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
}

/// A raw statement written with PostgreSQL's numbered parameters (`$1`, `$2`, ...), which SQLite
/// reads as `?1`, `?2`, ...: either way a value used twice is bound once.
pub(super) fn statement(
    db: &impl ConnectionTrait,
    sql: &str,
    values: Vec<sea_orm::Value>,
) -> Statement {
    let backend = db.get_database_backend();
    let sql = match backend {
        DatabaseBackend::Postgres => sql.to_owned(),
        _ => sql.replace('$', "?"),
    };
    Statement::from_sql_and_values(backend, sql, values)
}

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
           AND d.next_attempt_at <= $2 AND (d.lease_until IS NULL OR d.lease_until < $2)) \
         ORDER BY s.id";
    let rows = db
        .query_all_raw(statement(
            db,
            SQL,
            vec![DeliveryStatus::Pending.as_str().into(), at.into()],
        ))
        .await?;
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
) -> Result<Vec<i32>, AppError> {
    let lock = if db.get_database_backend() == DatabaseBackend::Postgres {
        "FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let sql = format!(
        "UPDATE push_deliveries SET lease_until = $1 WHERE id IN (\
           SELECT id FROM push_deliveries WHERE status = $2 AND subscription_id = $3 \
           AND next_attempt_at <= $4 AND (lease_until IS NULL OR lease_until < $4) \
           ORDER BY next_attempt_at LIMIT $5 {lock}) RETURNING id"
    );
    let values: Vec<sea_orm::Value> = vec![
        (at + LEASE).into(),
        DeliveryStatus::Pending.as_str().into(),
        subscription_id.into(),
        at.into(),
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
        let ids = claim_of_subscription(db, at, subscription_id, take).await?;
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
