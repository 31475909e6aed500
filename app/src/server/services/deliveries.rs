//! Push deliveries: `POST /api/v1/events` writes the event and one delivery per matching
//! subscription in one transaction (an outbox); workers claim due deliveries with a lease,
//! subscription by subscription in turn (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so instances
//! never share one), send them signed, log every attempt and retry on the schedule. A delivery
//! whose worker died is claimed again when its lease expires: at-least-once, never lost.
use super::orgs::STATUS_ACTIVE;
use super::products::require_partner_admin;
use super::subscriptions::{event_types_of, public_id, DISABLED, ENABLED};
use super::{audit, notifications, now, Actor};
use crate::error::AppError;
use crate::server::entities::{
    activation, api_function, installation, organization, product, push_attempt as pa,
    push_delivery as pd, push_event as pe, push_subscription as ps, service_token, version_grant,
};
use crate::server::push::{schedule, sender};
use crate::server::secrets::{constant_time_eq, hash_token};
use crate::server::Config;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, Set,
    Statement, TransactionSession, TransactionTrait,
};
use std::collections::BTreeSet;
use std::time::Duration;

pub const PENDING: &str = "pending";
pub const SUCCEEDED: &str = "succeeded";
pub const FAILED: &str = "failed";
/// How long a receiver has to answer a delivery.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(15);
/// How long a claimed delivery belongs to its worker (longer than any attempt takes).
pub const LEASE: chrono::Duration = chrono::Duration::seconds(60);
/// A subscription failing this long without a single success is disabled.
pub const DISABLE_AFTER: chrono::Duration = chrono::Duration::days(5);
/// The event type of "Send test event".
pub const TEST_EVENT: &str = "portico.test";

/// The name of the platform service a bearer token belongs to, or `None`.
pub async fn service_for_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<String>, AppError> {
    let hash = hash_token(token);
    let found = service_token::Entity::find()
        .filter(service_token::Column::TokenHash.eq(&hash))
        .filter(service_token::Column::RevokedAt.is_null())
        .one(db)
        .await?;
    Ok(found
        .filter(|t| constant_time_eq(&t.token_hash, &hash))
        .map(|t| t.name))
}

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
        status: Set(PENDING.into()),
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
    let inst = installation::Entity::find()
        .filter(installation::Column::InstallationId.eq(&iid))
        .one(db)
        .await?;
    let customer_active = match &inst {
        Some(i) => organization::Entity::find_by_id(i.customer_id)
            .one(db)
            .await?
            .is_some_and(|c| c.status == STATUS_ACTIVE),
        None => false,
    };
    let Some(inst) = inst.filter(|i| i.status == STATUS_ACTIVE && customer_active) else {
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
        .filter(|f| event_types_of(&f.push_event_types).contains(&event_type))
        .map(|f| f.id)
        .collect();
    if functions.is_empty() {
        return Err(AppError::invalid(format!(
            "No function in the catalog has the event type {event_type}."
        )));
    }
    let activations = activation::Entity::find()
        .filter(activation::Column::InstallationId.eq(inst.id))
        .filter(activation::Column::Status.eq(STATUS_ACTIVE))
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
        .filter(ps::Column::Status.eq(ENABLED))
        .all(db)
        .await?
        .into_iter()
        .filter(|s| event_types_of(&s.event_types).contains(&event_type))
        .map(|s| s.id)
        .collect();
    let at = now();
    let event_public = public_id("evt");
    let body = body_of(&event_type, at, &data);
    let (ev_id, count) = (event_public.clone(), subscriptions.len());
    db.transaction::<_, (), AppError>(|txn| {
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
    db.transaction::<_, (), AppError>(|txn| {
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
        .col_expr(pd::Column::Status, Expr::value(PENDING))
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
        .filter(pd::Column::Status.eq(FAILED))
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
fn statement(db: &impl ConnectionTrait, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
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
        .query_all_raw(statement(db, SQL, vec![PENDING.into(), at.into()]))
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
        PENDING.into(),
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

/// What happened to one claimed delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptResult {
    Succeeded,
    /// Failed; tried again at this time.
    Retry(chrono::DateTime<chrono::Utc>),
    /// Failed for good (410, no attempts left, subscription gone or disabled).
    Failed,
    /// Nothing to do (already done, or the lease was lost).
    Skipped,
}

/// Sends one claimed delivery, logs the attempt and decides what comes next.
pub async fn attempt<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    config: &Config,
    client: &reqwest::Client,
    delivery_id: i32,
) -> Result<AttemptResult, AppError> {
    let Some(d) = pd::Entity::find_by_id(delivery_id).one(db).await? else {
        return Ok(AttemptResult::Skipped);
    };
    if d.status != PENDING {
        return Ok(AttemptResult::Skipped);
    }
    let sub = ps::Entity::find_by_id(d.subscription_id).one(db).await?;
    let event = pe::Entity::find_by_id(d.event_id).one(db).await?;
    let (Some(sub), Some(event)) = (sub, event) else {
        return finish(db, &d, FAILED, None)
            .await
            .map(|_| AttemptResult::Failed);
    };
    let Some(body) = event.body.clone().filter(|_| sub.status == ENABLED) else {
        // Disabled subscription, or the payload was purged: nothing can be sent.
        return finish(db, &d, FAILED, None)
            .await
            .map(|_| AttemptResult::Failed);
    };
    let at = now();
    let Some(current) = config.secret_key.open(&sub.secret) else {
        // Sealed under another PORTICO_SECRET_KEY: signing is impossible until rotated.
        tracing::warn!(subscription = %sub.public_id, "cannot open the signing secret: was PORTICO_SECRET_KEY changed?");
        return finish(db, &d, FAILED, None)
            .await
            .map(|_| AttemptResult::Failed);
    };
    let previous = match (&sub.previous_secret, sub.previous_secret_until) {
        (Some(prev), Some(until)) if until > at => config.secret_key.open(prev),
        _ => None,
    };
    let mut secrets = vec![current.as_str()];
    secrets.extend(previous.as_deref());
    let msg = sender::Message {
        url: &sub.url,
        msg_id: &d.public_id,
        timestamp: at.timestamp(),
        body: &body,
        secrets: &secrets,
    };
    let outcome = sender::send(client, &msg, DELIVERY_TIMEOUT).await;
    // The attempt and what follows from it are written together (one commit).
    let txn = db.begin().await?;
    let result = record(&txn, config, &d, &sub, at, &outcome).await?;
    txn.commit().await?;
    Ok(result)
}

/// Logs an attempt and moves the delivery (and, when it gives up, the subscription) on.
async fn record(
    db: &impl ConnectionTrait,
    config: &Config,
    d: &pd::Model,
    sub: &ps::Model,
    at: chrono::DateTime<chrono::Utc>,
    outcome: &sender::Outcome,
) -> Result<AttemptResult, AppError> {
    let d = d.clone();
    pa::ActiveModel {
        delivery_id: Set(d.id),
        attempted_at: Set(at),
        status_code: Set(outcome.status.map(i32::from)),
        duration_ms: Set(outcome.duration_ms),
        response_start: Set(outcome.body_start.chars().take(400).collect()),
        error: Set(outcome
            .error
            .as_ref()
            .map(|e| e.chars().take(400).collect())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let attempts = d.attempts + 1;
    let status = outcome.status.map(i32::from);
    if outcome.succeeded() {
        if sub.failing_since.is_some() {
            ps::Entity::update_many()
                .col_expr(
                    ps::Column::FailingSince,
                    Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
                )
                .filter(ps::Column::Id.eq(sub.id))
                .exec(db)
                .await?;
        }
        finish_attempt(db, &d, attempts, SUCCEEDED, status, None).await?;
        return Ok(AttemptResult::Succeeded);
    }
    if outcome.status == Some(410) {
        disable(db, config, sub, "The receiver answered 410 Gone.").await?;
        finish_attempt(db, &d, attempts, FAILED, status, None).await?;
        return Ok(AttemptResult::Failed);
    }
    let failing_since = match sub.failing_since {
        Some(t) => t,
        None => {
            ps::Entity::update_many()
                .col_expr(ps::Column::FailingSince, Expr::value(at))
                .filter(ps::Column::Id.eq(sub.id))
                .filter(ps::Column::FailingSince.is_null())
                .exec(db)
                .await?;
            at
        }
    };
    if at - failing_since >= DISABLE_AFTER {
        disable(db, config, sub, "Every delivery failed for 5 days.").await?;
        finish_attempt(db, &d, attempts, FAILED, status, None).await?;
        return Ok(AttemptResult::Failed);
    }
    match schedule::next_delay(attempts, schedule::random_jitter(), outcome.retry_after) {
        Some(wait) => {
            let next = at + wait;
            finish_attempt(db, &d, attempts, PENDING, status, Some(next)).await?;
            Ok(AttemptResult::Retry(next))
        }
        None => {
            finish_attempt(db, &d, attempts, FAILED, status, None).await?;
            Ok(AttemptResult::Failed)
        }
    }
}

async fn finish(
    db: &impl ConnectionTrait,
    d: &pd::Model,
    status: &str,
    code: Option<i32>,
) -> Result<(), AppError> {
    finish_attempt(db, d, d.attempts, status, code, None).await
}

/// Stores the delivery's state after an attempt and releases its lease.
async fn finish_attempt(
    db: &impl ConnectionTrait,
    d: &pd::Model,
    attempts: i32,
    status: &str,
    code: Option<i32>,
    next: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<(), AppError> {
    let at = now();
    let mut m: pd::ActiveModel = d.clone().into();
    m.status = Set(status.to_owned());
    m.attempts = Set(attempts);
    m.last_status_code = Set(code.or(d.last_status_code));
    m.next_attempt_at = Set(next);
    m.lease_until = Set(None);
    if d.first_attempt_at.is_none() && attempts > 0 {
        m.first_attempt_at = Set(Some(at));
    }
    m.completed_at = Set((status != PENDING).then_some(at));
    m.update(db).await?;
    Ok(())
}

/// Disables a subscription the receiver gave up on, and tells the partner's admins (in the app
/// and by e-mail) once.
async fn disable(
    db: &impl ConnectionTrait,
    config: &Config,
    sub: &ps::Model,
    reason: &str,
) -> Result<(), AppError> {
    let changed = ps::Entity::update_many()
        .col_expr(ps::Column::Status, Expr::value(DISABLED))
        .col_expr(ps::Column::DisabledReason, Expr::value(reason))
        .col_expr(ps::Column::UpdatedAt, Expr::value(now()))
        .filter(ps::Column::Id.eq(sub.id))
        .filter(ps::Column::Status.eq(ENABLED))
        .exec(db)
        .await?;
    if changed.rows_affected == 0 {
        return Ok(());
    }
    let Some(p) = product::Entity::find_by_id(sub.product_id).one(db).await? else {
        return Ok(());
    };
    audit::record(
        db,
        &Actor::system(),
        Some(p.partner_id),
        "subscription.auto_disabled",
        &sub.public_id,
        reason,
    )
    .await?;
    let title = format!("Push subscription disabled: {}", p.name);
    let body = format!(
        "Portico stopped sending to {} ({}). {reason} Fix the receiver, then enable the subscription and replay the failed deliveries.",
        sub.url, sub.public_id
    );
    let link = format!(
        "/o/{}/products/{}/subscriptions/{}",
        p.partner_id, p.id, sub.public_id
    );
    let key = format!("push-disabled:{}:{}", sub.id, sub.updated_at.timestamp());
    notifications::notify_admins(db, config, p.partner_id, &key, &title, &body, &link).await
}

/// Deletes events older than `retention` whose deliveries are all finished, with their
/// deliveries and attempts (foreign keys cascade). Returns how many events went.
pub async fn purge_older_than(
    db: &impl ConnectionTrait,
    retention: chrono::Duration,
) -> Result<u64, AppError> {
    const SQL: &str = "DELETE FROM push_events WHERE created_at < $1 AND NOT EXISTS (\
           SELECT 1 FROM push_deliveries d WHERE d.event_id = push_events.id AND d.status = $2)";
    let values: Vec<sea_orm::Value> = vec![(now() - retention).into(), PENDING.into()];
    let res = db.execute_raw(statement(db, SQL, values)).await?;
    Ok(res.rows_affected())
}
