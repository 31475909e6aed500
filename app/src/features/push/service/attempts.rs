//! Sending a claimed delivery: signed, logged attempt by attempt, retried on the schedule; a
//! receiver that answers 410, or fails for 5 days, gets its subscription disabled and the
//! partner's admins told.
use super::schedule;
use crate::error::AppError;
use crate::features::notifications::service::notify_admins;
use crate::glossary::{DeliveryStatus, SubscriptionStatus};
use crate::i18n::Lang;
use crate::paths;
use crate::server::audit;
use crate::server::clock::now;
use crate::server::entities::{
    product, push_attempt as pa, push_delivery as pd, push_event as pe, push_subscription as ps,
};
use crate::server::net::sender::{self, PushClient};
use crate::server::scope::Actor;
use crate::server::Config;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
    TransactionSession, TransactionTrait,
};
use std::time::Duration;

/// How long a receiver has to answer a delivery.
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(15);
/// A subscription failing this long without a single success is disabled.
pub const DISABLE_AFTER: chrono::Duration = chrono::Duration::days(5);

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
    client: &PushClient,
    delivery_id: i32,
) -> Result<AttemptResult, AppError> {
    let Some(d) = pd::Entity::find_by_id(delivery_id).one(db).await? else {
        return Ok(AttemptResult::Skipped);
    };
    if d.status != DeliveryStatus::Pending {
        return Ok(AttemptResult::Skipped);
    }
    let sub = ps::Entity::find_by_id(d.subscription_id).one(db).await?;
    let event = pe::Entity::find_by_id(d.event_id).one(db).await?;
    let (Some(sub), Some(event)) = (sub, event) else {
        return finish(db, &d, DeliveryStatus::Failed, None)
            .await
            .map(|_| AttemptResult::Failed);
    };
    let Some(body) = event
        .body
        .clone()
        .filter(|_| sub.status == SubscriptionStatus::Enabled)
    else {
        // Disabled subscription, or the payload was purged: nothing can be sent.
        return finish(db, &d, DeliveryStatus::Failed, None)
            .await
            .map(|_| AttemptResult::Failed);
    };
    let at = now();
    let Some(current) = config.secret_key.open(&sub.secret) else {
        // Sealed under another PORTICO_SECRET_KEY: signing is impossible until rotated.
        tracing::warn!(subscription = %sub.public_id, "cannot open the signing secret: was PORTICO_SECRET_KEY changed?");
        return finish(db, &d, DeliveryStatus::Failed, None)
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
    // The attempt and what follows from it are written together (one commit). The delivery is
    // read again, locked: its subscription may have been deleted (and the delivery with it)
    // while the request was out, and then there is nothing to record.
    let txn = crate::server::db::begin_write(db).await?;
    let still_pending = pd::Entity::find_by_id(d.id)
        .lock_exclusive()
        .one(&txn)
        .await?
        .is_some_and(|now| now.status == DeliveryStatus::Pending);
    if !still_pending {
        return Ok(AttemptResult::Skipped);
    }
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
        finish_attempt(db, &d, attempts, DeliveryStatus::Succeeded, status, None).await?;
        return Ok(AttemptResult::Succeeded);
    }
    if outcome.status == Some(410) {
        disable(db, config, sub, "gone").await?;
        finish_attempt(db, &d, attempts, DeliveryStatus::Failed, status, None).await?;
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
        disable(db, config, sub, "failing").await?;
        finish_attempt(db, &d, attempts, DeliveryStatus::Failed, status, None).await?;
        return Ok(AttemptResult::Failed);
    }
    match schedule::next_delay(attempts, schedule::random_jitter(), outcome.retry_after) {
        Some(wait) => {
            let next = at + wait;
            finish_attempt(
                db,
                &d,
                attempts,
                DeliveryStatus::Pending,
                status,
                Some(next),
            )
            .await?;
            Ok(AttemptResult::Retry(next))
        }
        None => {
            finish_attempt(db, &d, attempts, DeliveryStatus::Failed, status, None).await?;
            Ok(AttemptResult::Failed)
        }
    }
}

async fn finish(
    db: &impl ConnectionTrait,
    d: &pd::Model,
    status: DeliveryStatus,
    code: Option<i32>,
) -> Result<(), AppError> {
    finish_attempt(db, d, d.attempts, status, code, None).await
}

/// Stores the delivery's state after an attempt and releases its lease (a delivery deleted
/// meanwhile, with its subscription, is left alone).
async fn finish_attempt(
    db: &impl ConnectionTrait,
    d: &pd::Model,
    attempts: i32,
    status: DeliveryStatus,
    code: Option<i32>,
    next: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<(), AppError> {
    let at = now();
    let first = d.first_attempt_at.or((attempts > 0).then_some(at));
    pd::Entity::update_many()
        .col_expr(pd::Column::Status, Expr::value(status))
        .col_expr(pd::Column::Attempts, Expr::value(attempts))
        .col_expr(
            pd::Column::LastStatusCode,
            Expr::value(code.or(d.last_status_code)),
        )
        .col_expr(pd::Column::NextAttemptAt, Expr::value(next))
        .col_expr(
            pd::Column::LeaseUntil,
            Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None),
        )
        .col_expr(pd::Column::LeaseOwner, Expr::value(Option::<String>::None))
        .col_expr(pd::Column::FirstAttemptAt, Expr::value(first))
        .col_expr(
            pd::Column::CompletedAt,
            Expr::value((status != DeliveryStatus::Pending).then_some(at)),
        )
        .filter(pd::Column::Id.eq(d.id))
        .exec(db)
        .await?;
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
        .col_expr(
            ps::Column::Status,
            Expr::value(SubscriptionStatus::Disabled),
        )
        .col_expr(ps::Column::DisabledReason, Expr::value(reason))
        .col_expr(ps::Column::UpdatedAt, Expr::value(now()))
        .filter(ps::Column::Id.eq(sub.id))
        .filter(ps::Column::Status.eq(SubscriptionStatus::Enabled))
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
    let link = paths::subscription(p.partner_id, p.id, &sub.public_id);
    let key = format!("push-disabled:{}:{}", sub.id, sub.updated_at.timestamp());
    let message = |lang: Lang| {
        (
            crate::t!(lang, "notify-push-disabled-title", product = p.name.clone()),
            crate::t!(
                lang,
                "notify-push-disabled-text",
                url = sub.url.clone(),
                id = sub.public_id.clone(),
                reason = crate::features::push::dto::disabled_reason(lang, reason),
            ),
        )
    };
    notify_admins(db, config, p.partner_id, &key, message, &link).await
}
