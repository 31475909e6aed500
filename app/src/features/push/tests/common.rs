//! The push tests' world, a real receiver (an axum server on 127.0.0.1 in the test) and
//! helpers.
use crate::error::AppError;
use crate::features::push::service::{attempts, claims, delivery_log, publish, subscriptions};
use crate::glossary::Environment;
use crate::server::clock::now;
use crate::server::entities::push_subscription;
use crate::server::net::{sender, signing};
use crate::server::testing::{grant, World};
use axum::http::{HeaderMap, StatusCode};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Acme's product requires estates.read (push: estate.updated, estate.sold, ...), active on
/// SOLOSL, in the dev environment; and the push HTTP client.
pub async fn world(db: &DatabaseConnection) -> PushWorld {
    let base =
        crate::server::testing::world(db, Environment::Dev, vec![grant("estates.read", &[])]).await;
    let client = sender::client(Arc::new(base.cfg.push_allow.clone()));
    PushWorld { base, client }
}

/// A receiver that records every request and answers with the status the test sets.
#[derive(Clone)]
pub struct Receiver {
    pub url: String,
    status: Arc<AtomicU16>,
    /// How long it takes to answer, in milliseconds.
    delay_ms: Arc<AtomicU64>,
    seen: Arc<Mutex<Vec<(HeaderMap, String)>>>,
}

impl Receiver {
    pub async fn start() -> Self {
        let status = Arc::new(AtomicU16::new(200));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let delay_ms = Arc::new(AtomicU64::new(0));
        let (st, sn, dl) = (status.clone(), seen.clone(), delay_ms.clone());
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: String| {
                let (st, sn, dl) = (st.clone(), sn.clone(), dl.clone());
                async move {
                    sn.lock().unwrap().push((headers, body));
                    let wait = dl.load(Ordering::SeqCst);
                    tokio::time::sleep(std::time::Duration::from_millis(wait)).await;
                    let code = StatusCode::from_u16(st.load(Ordering::SeqCst)).unwrap();
                    (code, "receiver says hello")
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self {
            url,
            status,
            delay_ms,
            seen,
        }
    }
    /// Answers only after `ms` milliseconds.
    pub fn delay(&self, ms: u64) {
        self.delay_ms.store(ms, Ordering::SeqCst);
    }
    pub fn answer(&self, code: u16) {
        self.status.store(code, Ordering::SeqCst);
    }
    pub fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
    pub fn last(&self) -> (HeaderMap, String) {
        self.seen.lock().unwrap().last().cloned().unwrap()
    }
}

/// The common world with the push HTTP client.
pub struct PushWorld {
    pub base: World,
    pub client: crate::server::net::sender::PushClient,
}

impl std::ops::Deref for PushWorld {
    type Target = World;
    fn deref(&self) -> &World {
        &self.base
    }
}

impl PushWorld {
    /// Publishes `count` `estate.updated` events on SOLOSL (data `{"id": 0}`, `{"id": 1}`, ...);
    /// returns their event IDs.
    pub async fn publish(&self, db: &DatabaseConnection, count: usize) -> Vec<String> {
        let mut events = Vec::new();
        for i in 0..count {
            let data = serde_json::json!({ "id": i });
            let p = publish::publish(db, "SOLOSL", "estate.updated", data)
                .await
                .unwrap();
            events.push(p.event_id);
        }
        events
    }

    /// Publishes an `estate.updated` event on SOLOSL and makes its one delivery's first attempt.
    pub async fn publish_and_attempt(&self, db: &DatabaseConnection) -> attempts::AttemptResult {
        let p = publish::publish(db, "SOLOSL", "estate.updated", serde_json::json!({}))
            .await
            .unwrap();
        assert_eq!(p.deliveries, 1);
        let d = claim(db, now()).await;
        attempts::attempt(db, &self.cfg, &self.client, d[0])
            .await
            .unwrap()
    }

    /// Anna (partner admin) creates a subscription on the product.
    pub async fn subscribe(
        &self,
        db: &DatabaseConnection,
        input: subscriptions::SubscriptionInput,
    ) -> Result<String, AppError> {
        subscriptions::create(
            db,
            &self.cfg,
            &self.client,
            &self.anna,
            self.partner,
            self.product,
            input,
        )
        .await
    }
}

/// Claims due deliveries as a worker with `total` free slots would, giving each subscription
/// what `share` allows and serving those after `after` first; (delivery, subscription) pairs.
pub async fn claim_with(
    db: &DatabaseConnection,
    at: chrono::DateTime<chrono::Utc>,
    total: usize,
    share: impl Fn(claims::DueSubscription) -> usize + Sync,
    after: i32,
) -> Vec<(i32, i32)> {
    claim_as(db, at, total, share, after, "test-worker").await
}

/// Like [`claim_with`], as the worker instance `instance`.
pub async fn claim_as(
    db: &DatabaseConnection,
    at: chrono::DateTime<chrono::Utc>,
    total: usize,
    share: impl Fn(claims::DueSubscription) -> usize + Sync,
    after: i32,
    instance: &str,
) -> Vec<(i32, i32)> {
    let room = claims::Room {
        total,
        share: &share,
        after,
        instance,
    };
    claims::claim_due(db, at, &room)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.delivery_id, c.subscription_id))
        .collect()
}

/// Claims every due delivery, as a worker with free slots would.
pub async fn claim(db: &DatabaseConnection, at: chrono::DateTime<chrono::Utc>) -> Vec<i32> {
    claim_with(db, at, 10, |_| 10, 0)
        .await
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}

pub fn input(url: &str, types: &[&str]) -> subscriptions::SubscriptionInput {
    subscriptions::SubscriptionInput {
        url: url.into(),
        event_types: types.iter().map(|t| t.to_string()).collect(),
        description: "Main receiver".into(),
    }
}

/// The first page of the log, filtered by `status`.
pub fn status(status: &str) -> delivery_log::LogQuery {
    delivery_log::LogQuery {
        status: status.into(),
        ..Default::default()
    }
}

/// Checks a request's Standard Webhooks signature with `secret`.
pub fn signed_by(headers: &HeaderMap, body: &str, secret: &str) -> bool {
    let h = |n: &str| headers.get(n).unwrap().to_str().unwrap().to_owned();
    let expected = signing::sign(
        secret,
        &h("webhook-id"),
        h("webhook-timestamp").parse().unwrap(),
        body,
    )
    .unwrap();
    h("webhook-signature").split(' ').any(|s| s == expected)
}

pub async fn secret_of(db: &DatabaseConnection, id: &str) -> push_subscription::Model {
    push_subscription::Entity::find()
        .filter(push_subscription::Column::PublicId.eq(id))
        .one(db)
        .await
        .unwrap()
        .unwrap()
}
