//! Push subscriptions and deliveries against a real receiver (an axum server on 127.0.0.1 in
//! the test), on SQLite and PostgreSQL.
use super::*;
use crate::dto::{Environment, GrantChange, GrantFilters, OrgKind, Role};
use crate::error::AppError;
use crate::server::entities::{notification, push_delivery, push_subscription};
use crate::server::push::{sender, signing};
use crate::server::testing::{config, each_db, org_with_member};
use crate::server::Config;
use axum::http::{HeaderMap, StatusCode};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

const CATALOG: &str = r#"{"functions": [
  {"key": "estates.read", "name": "Read estate", "area": "Estates", "method": "GET", "path": "/estates/{id}",
   "push": {"event_types": ["estate.updated", "estate.sold"]}},
  {"key": "bids.read", "name": "Read bid", "area": "Bids", "method": "GET", "path": "/bids/{id}",
   "push": {"event_types": ["bid.received"]}}
]}"#;

/// A receiver that records every request and answers with the status the test sets.
#[derive(Clone)]
struct Receiver {
    url: String,
    status: Arc<AtomicU16>,
    seen: Arc<Mutex<Vec<(HeaderMap, String)>>>,
}

impl Receiver {
    async fn start() -> Self {
        let status = Arc::new(AtomicU16::new(200));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (st, sn) = (status.clone(), seen.clone());
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: String| {
                let (st, sn) = (st.clone(), sn.clone());
                async move {
                    sn.lock().unwrap().push((headers, body));
                    let code = StatusCode::from_u16(st.load(Ordering::SeqCst)).unwrap();
                    (code, "receiver says hello")
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Self { url, status, seen }
    }
    fn answer(&self, code: u16) {
        self.status.store(code, Ordering::SeqCst);
    }
    fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
    fn last(&self) -> (HeaderMap, String) {
        self.seen.lock().unwrap().last().cloned().unwrap()
    }
}

struct World {
    cfg: Config,
    partner: i32,
    anna: Actor,
    product: i32,
    client: reqwest::Client,
}

impl World {
    /// Publishes `count` `estate.updated` events on SOLOSL (data `{"id": 0}`, `{"id": 1}`, ...);
    /// returns their event IDs.
    async fn publish(&self, db: &DatabaseConnection, count: usize) -> Vec<String> {
        let mut events = Vec::new();
        for i in 0..count {
            let data = serde_json::json!({ "id": i });
            let p = deliveries::publish(db, "SOLOSL", "estate.updated", data)
                .await
                .unwrap();
            events.push(p.event_id);
        }
        events
    }

    /// Publishes an `estate.updated` event on SOLOSL and makes its one delivery's first attempt.
    async fn publish_and_attempt(&self, db: &DatabaseConnection) -> deliveries::AttemptResult {
        let p = deliveries::publish(db, "SOLOSL", "estate.updated", serde_json::json!({}))
            .await
            .unwrap();
        assert_eq!(p.deliveries, 1);
        let d = claim(db, now()).await;
        deliveries::attempt(db, &self.cfg, &self.client, d[0])
            .await
            .unwrap()
    }

    /// Anna (partner admin) creates a subscription on the product.
    async fn subscribe(
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

/// Acme's product requires estates.read (push: estate.updated, estate.sold), active on SOLOSL.
async fn world(db: &DatabaseConnection) -> World {
    let cfg = Config {
        env: Environment::Dev,
        ..config()
    };
    catalog::import(db, CATALOG).await.unwrap();
    let (partner, anna) = org_with_member(
        db,
        OrgKind::Partner,
        "Acme",
        "anna@acme.example",
        Role::Admin,
    )
    .await;
    let (customer, kari) = org_with_member(
        db,
        OrgKind::Customer,
        "Solheim",
        "kari@solheim.example",
        Role::Admin,
    )
    .await;
    bootstrap::ensure_installation(db, customer, "SOLOSL", "Oslo", false)
        .await
        .unwrap();
    let input = products::ProductInput {
        name: "Acme Feed".into(),
        kind: "rights".into(),
        ..Default::default()
    };
    let product = products::create_product(db, &cfg, &anna, partner, input)
        .await
        .unwrap()
        .id;
    let change = GrantChange {
        function_key: "estates.read".into(),
        required: true,
        filters: GrantFilters::new(),
    };
    versions::save_grants(db, &cfg, &anna, partner, product, 1, vec![change])
        .await
        .unwrap();
    versions::activate(db, &anna, partner, product, None)
        .await
        .unwrap();
    suppliers::activate(db, &kari, customer, "SOLOSL", product, 1)
        .await
        .unwrap();
    let client = sender::client(Arc::new(cfg.push_allow.clone()));
    World {
        cfg,
        partner,
        anna,
        product,
        client,
    }
}

/// Claims due deliveries as a worker with `total` free slots would, giving each subscription
/// what `share` allows and serving those after `after` first; (delivery, subscription) pairs.
async fn claim_with(
    db: &DatabaseConnection,
    at: chrono::DateTime<chrono::Utc>,
    total: usize,
    share: impl Fn(deliveries::DueSubscription) -> usize + Sync,
    after: i32,
) -> Vec<(i32, i32)> {
    let room = deliveries::Room {
        total,
        share: &share,
        after,
    };
    deliveries::claim_due(db, at, &room)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.delivery_id, c.subscription_id))
        .collect()
}

/// Claims every due delivery, as a worker with free slots would.
async fn claim(db: &DatabaseConnection, at: chrono::DateTime<chrono::Utc>) -> Vec<i32> {
    claim_with(db, at, 10, |_| 10, 0)
        .await
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}

fn input(url: &str, types: &[&str]) -> subscriptions::SubscriptionInput {
    subscriptions::SubscriptionInput {
        url: url.into(),
        event_types: types.iter().map(|t| t.to_string()).collect(),
        description: "Main receiver".into(),
    }
}

/// The first page of the log, filtered by `status`.
fn status(status: &str) -> delivery_log::LogQuery {
    delivery_log::LogQuery {
        status: status.into(),
        ..Default::default()
    }
}

/// Checks a request's Standard Webhooks signature with `secret`.
fn signed_by(headers: &HeaderMap, body: &str, secret: &str) -> bool {
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

async fn secret_of(db: &DatabaseConnection, id: &str) -> push_subscription::Model {
    push_subscription::Entity::find()
        .filter(push_subscription::Column::PublicId.eq(id))
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn a_subscription_is_saved_only_when_the_receiver_confirms() {
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        // A receiver that refuses: nothing saved, and the partner learns why.
        rx.answer(500);
        let err = w
            .subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("answered 500: receiver says hello"),
            "{err}"
        );
        let closed = "http://127.0.0.1:9/hook";
        let err = w
            .subscribe(&db, input(closed, &["estate.updated"]))
            .await
            .unwrap_err();
        assert!(err.to_string().contains("Connection refused"), "{err}");
        for (url, types) in [
            ("http://10.0.0.1/hook", vec!["estate.updated"]),
            ("http://localhost/hook", vec!["estate.updated"]),
            (rx.url.as_str(), vec!["bid.received"]), // not a function the product requires
            (rx.url.as_str(), vec![]),
        ] {
            let r = w.subscribe(&db, input(url, &types)).await;
            assert!(
                matches!(r, Err(AppError::Invalid(_))),
                "{url} {types:?}: {r:?}"
            );
        }
        assert_eq!(
            push_subscription::Entity::find().count(&db).await.unwrap(),
            0
        );
        // A confirming receiver: saved; the verification was signed with the new secret.
        rx.answer(204);
        let id = w
            .subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap();
        let sub = secret_of(&db, &id).await;
        let (headers, body) = rx.last();
        assert!(body.contains("portico.verification"));
        // Stored sealed; the plain secret starts with whsec_ and signed the verification.
        assert!(sub.secret.starts_with("enc1:"));
        let secret = w.cfg.secret_key.open(&sub.secret).unwrap();
        assert!(secret.starts_with("whsec_"));
        assert!(signed_by(&headers, &body, &secret));
        // The secret is shown once, to an admin.
        let first = subscriptions::detail(&db, &w.cfg, &w.anna, w.partner, &id, &status("all"))
            .await
            .unwrap();
        assert_eq!(first.secret_once.as_deref(), Some(secret.as_str()));
        // Shown again (a page can render twice) until an admin confirms it is saved.
        let again = subscriptions::detail(&db, &w.cfg, &w.anna, w.partner, &id, &status("all"))
            .await
            .unwrap();
        assert_eq!(again.secret_once.as_deref(), Some(secret.as_str()));
        subscriptions::hide_secret(&db, &w.anna, w.partner, &id)
            .await
            .unwrap();
        let hidden = subscriptions::detail(&db, &w.cfg, &w.anna, w.partner, &id, &status("all"))
            .await
            .unwrap();
        assert_eq!(hidden.secret_once, None);
        // Members may look but not create; another partner sees nothing.
        let (_, max) = org_with_member(
            &db,
            OrgKind::Partner,
            "Acme",
            "max@acme.example",
            Role::Member,
        )
        .await;
        let r = subscriptions::create(
            &db,
            &w.cfg,
            &w.client,
            &max,
            w.partner,
            w.product,
            input(&rx.url, &["estate.updated"]),
        )
        .await;
        assert_eq!(r.err(), Some(AppError::Forbidden));
        let (other, eve) = org_with_member(
            &db,
            OrgKind::Partner,
            "Evil",
            "eve@evil.example",
            Role::Admin,
        )
        .await;
        assert_eq!(
            subscriptions::detail(&db, &w.cfg, &eve, other, &id, &status("all"))
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            subscriptions::list(&db, &eve, other, None, "")
                .await
                .unwrap()
                .len(),
            0
        );
        let listed = subscriptions::list(&db, &w.anna, w.partner, None, &id)
            .await
            .unwrap();
        assert_eq!(listed.len(), 1);
        let by_url = subscriptions::list(&db, &w.anna, w.partner, None, "127.0.0.1")
            .await
            .unwrap();
        assert_eq!(by_url.len(), 1);
        assert!(
            subscriptions::list(&db, &w.anna, w.partner, None, "nomatch")
                .await
                .unwrap()
                .is_empty()
        );
    })
    .await;
}

#[tokio::test]
async fn events_fan_out_signed_and_retry_until_the_receiver_answers() {
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        let id = w
            .subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap();
        let sub = secret_of(&db, &id).await;
        // Bad events change nothing.
        for (inst, ty, data) in [
            ("NOPE", "estate.updated", serde_json::json!({})),
            ("SOLOSL", "no.such", serde_json::json!({})),
            ("SOLOSL", "estate.updated", serde_json::json!([1])),
        ] {
            let r = deliveries::publish(&db, inst, ty, data).await;
            assert!(matches!(r, Err(AppError::Invalid(_))), "{inst} {ty}");
        }
        // A type nobody subscribed to is recorded with no delivery.
        let p = deliveries::publish(&db, "SOLOSL", "estate.sold", serde_json::json!({"id": 1}))
            .await
            .unwrap();
        assert_eq!(p.deliveries, 0);
        let p = deliveries::publish(
            &db,
            "solosl",
            "estate.updated",
            serde_json::json!({"id": 7}),
        )
        .await
        .unwrap();
        assert_eq!(p.deliveries, 1);
        assert!(p.event_id.starts_with("evt_"));
        // The first attempt fails: logged, and retried about 5 s later, not before.
        rx.answer(503);
        let at = now();
        let claimed = claim(&db, at).await;
        assert_eq!(claimed.len(), 1);
        let r = deliveries::attempt(&db, &w.cfg, &w.client, claimed[0])
            .await
            .unwrap();
        let deliveries::AttemptResult::Retry(next) = r else {
            panic!("{r:?}")
        };
        let wait = (next - at).num_milliseconds();
        assert!((4_000..=6_500).contains(&wait), "{wait} ms");
        assert!(claim(&db, now()).await.is_empty());
        let (headers, body) = rx.last();
        let secret = w.cfg.secret_key.open(&sub.secret).unwrap();
        assert!(signed_by(&headers, &body, &secret));
        let first_id = headers.get("webhook-id").unwrap().to_owned();
        let sent: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            (sent["type"].as_str(), sent["data"]["id"].as_i64()),
            (Some("estate.updated"), Some(7))
        );
        // Due again: the claim knows the subscription is failing (workers give it fewer
        // slots); it succeeds, with the same webhook-id (receivers can deduplicate).
        rx.answer(200);
        let failing = std::sync::atomic::AtomicBool::new(false);
        let claimed = claim_with(
            &db,
            next + chrono::Duration::seconds(1),
            10,
            |s| {
                failing.store(s.failing, Ordering::SeqCst);
                1
            },
            0,
        )
        .await;
        assert!(failing.load(Ordering::SeqCst));
        let claimed: Vec<i32> = claimed.into_iter().map(|(d, _)| d).collect();
        assert_eq!(claimed.len(), 1);
        let r = deliveries::attempt(&db, &w.cfg, &w.client, claimed[0])
            .await
            .unwrap();
        assert_eq!(r, deliveries::AttemptResult::Succeeded);
        assert_eq!(rx.last().0.get("webhook-id").unwrap(), &first_id);
        let log = subscriptions::detail(&db, &w.cfg, &w.anna, w.partner, &id, &status("all"))
            .await
            .unwrap();
        assert_eq!(log.log.deliveries.len(), 1);
        let d = &log.log.deliveries[0];
        assert_eq!((d.status.as_str(), d.attempts.len()), ("succeeded", 2));
        assert_eq!(d.attempts[0].status_code, Some(503));
        assert_eq!(d.attempts[0].response_start, "receiver says hello");
        let failed = subscriptions::detail(&db, &w.cfg, &w.anna, w.partner, &id, &status("failed"))
            .await
            .unwrap();
        assert!(failed.log.deliveries.is_empty());
        // After a rotation both secrets sign.
        subscriptions::rotate_secret(&db, &w.cfg, &w.anna, w.partner, &id)
            .await
            .unwrap();
        let rotated = secret_of(&db, &id).await;
        deliveries::send_test(&db, &w.anna, w.partner, &id)
            .await
            .unwrap();
        for d in claim(&db, now()).await {
            deliveries::attempt(&db, &w.cfg, &w.client, d)
                .await
                .unwrap();
        }
        let (headers, body) = rx.last();
        assert!(body.contains("portico.test"));
        let new_secret = w.cfg.secret_key.open(&rotated.secret).unwrap();
        assert_ne!(new_secret, secret);
        assert!(signed_by(&headers, &body, &new_secret));
        assert!(signed_by(&headers, &body, &secret));
        // Retention: finished events go with their deliveries; the log empties.
        let gone = deliveries::purge_older_than(&db, chrono::Duration::zero())
            .await
            .unwrap();
        assert_eq!(gone, 3);
        let log = subscriptions::detail(&db, &w.cfg, &w.anna, w.partner, &id, &status("all"))
            .await
            .unwrap();
        assert!(log.log.deliveries.is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_dead_workers_delivery_is_claimed_again_and_none_is_lost() {
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        w.subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap();
        let before = rx.count();
        w.publish(&db, 3).await;
        // A worker whose share for this subscription is taken claims none of them.
        let at = now();
        assert!(claim_with(&db, at, 10, |_| 0, 0).await.is_empty());
        // A worker claims all three and dies before sending.
        assert_eq!(claim(&db, at).await.len(), 3);
        // While its lease lasts nobody else takes them...
        assert!(claim(&db, at + chrono::Duration::seconds(30))
            .await
            .is_empty());
        // ...and afterwards another worker does, and delivers each once.
        let again = claim(&db, at + deliveries::LEASE + chrono::Duration::seconds(1)).await;
        assert_eq!(again.len(), 3);
        for d in again {
            assert_eq!(
                deliveries::attempt(&db, &w.cfg, &w.client, d)
                    .await
                    .unwrap(),
                deliveries::AttemptResult::Succeeded
            );
            // A late duplicate of the same claim does nothing.
            assert_eq!(
                deliveries::attempt(&db, &w.cfg, &w.client, d)
                    .await
                    .unwrap(),
                deliveries::AttemptResult::Skipped
            );
        }
        assert_eq!(rx.count() - before, 3);
    })
    .await;
}

#[tokio::test]
async fn subscriptions_take_turns_and_a_full_share_costs_the_others_nothing() {
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        let mut subs = Vec::new();
        for _ in 0..2 {
            let id = w
                .subscribe(&db, input(&rx.url, &["estate.updated"]))
                .await
                .unwrap();
            subs.push(secret_of(&db, &id).await.id);
        }
        let (a, b) = (subs[0], subs[1]);
        w.publish(&db, 5).await;
        let at = now();
        let subs_of = |c: &[(i32, i32)]| c.iter().map(|(_, s)| *s).collect::<Vec<_>>();
        // Slots run short: the subscription after the one served last goes first, in turn.
        let first = claim_with(&db, at, 1, |_| 8, a).await;
        assert_eq!(subs_of(&first), vec![b]);
        let second = claim_with(&db, at, 1, |_| 8, b).await;
        assert_eq!(subs_of(&second), vec![a]);
        // A subscription whose share is taken is passed over; the other gets its own share.
        let shared = claim_with(&db, at, 10, |s| if s.id == a { 0 } else { 3 }, 0).await;
        assert_eq!(subs_of(&shared), vec![b, b, b]);
        // What is left: four of a's and b's newest, each claimed once. Neither is failing.
        let rest = claim_with(
            &db,
            at,
            64,
            |s| {
                assert!(!s.failing);
                8
            },
            0,
        )
        .await;
        let mut left = subs_of(&rest);
        left.sort();
        assert_eq!(left, vec![a, a, a, a, b]);
        let b_newest = rest.iter().find(|(_, s)| *s == b).unwrap().0;
        assert!(shared.iter().all(|(d, _)| *d < b_newest), "oldest first");
        let mut every: Vec<i32> = [first, second, shared, rest]
            .concat()
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        every.sort();
        every.dedup();
        assert_eq!(every.len(), 10);
        assert!(claim(&db, at).await.is_empty());
    })
    .await;
}

/// One page of the subscription's log as Anna sees it.
async fn log_page(
    db: &DatabaseConnection,
    w: &World,
    id: &str,
    q: delivery_log::LogQuery,
) -> crate::dto::DeliveryLog {
    subscriptions::detail(db, &w.cfg, &w.anna, w.partner, id, &q)
        .await
        .unwrap()
        .log
}

/// The page of the whole log older than delivery `before`, or newer than delivery `after`.
fn from(before: Option<&str>, after: Option<&str>) -> delivery_log::LogQuery {
    delivery_log::LogQuery {
        before: before.unwrap_or_default().into(),
        after: after.unwrap_or_default().into(),
        ..status("all")
    }
}

#[tokio::test]
async fn the_delivery_log_pages_and_finds_an_event_or_delivery_by_id() {
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        let id = w
            .subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap();
        let size = delivery_log::PAGE_SIZE as usize;
        let events = w.publish(&db, size + 10).await;
        let events_of = |l: &crate::dto::DeliveryLog| {
            l.deliveries
                .iter()
                .map(|d| d.event_id.clone())
                .collect::<Vec<_>>()
        };
        // The newest page first; no newer page.
        let newest = log_page(&db, &w, &id, status("all")).await;
        assert_eq!(newest.deliveries.len(), size);
        assert_eq!(newest.deliveries[0].event_id, events[size + 9]);
        assert_eq!(newest.newer, None);
        assert!(newest.older.is_some());
        // "Older": the ten oldest, oldest last, and nothing older.
        let older = log_page(&db, &w, &id, from(newest.older.as_deref(), None)).await;
        let mut oldest_ten: Vec<String> = events[..10].to_vec();
        oldest_ten.reverse();
        assert_eq!(events_of(&older), oldest_ten);
        assert_eq!(older.older, None);
        assert!(older.newer.is_some());
        // "Newer" from there is the newest page again.
        let back = log_page(&db, &w, &id, from(None, older.newer.as_deref())).await;
        assert_eq!(events_of(&back), events_of(&newest));
        assert_eq!((back.newer.as_ref(), back.older.is_some()), (None, true));
        // Found by event ID or by delivery ID (the receiver's webhook-id); the status filter
        // narrows the search.
        let search = |text: &str, st: &str| delivery_log::LogQuery {
            search: format!("  {text} "),
            ..status(st)
        };
        let by_event = log_page(&db, &w, &id, search(&events[3], "all")).await;
        assert_eq!(events_of(&by_event), vec![events[3].clone()]);
        let msg = by_event.deliveries[0].id.clone();
        let by_msg = log_page(&db, &w, &id, search(&msg, "pending")).await;
        assert_eq!(by_msg.deliveries[0].event_id, events[3]);
        assert!(log_page(&db, &w, &id, search(&msg, "failed"))
            .await
            .deliveries
            .is_empty());
        assert!(log_page(&db, &w, &id, search("evt_unknown", "all"))
            .await
            .deliveries
            .is_empty());
        // An unknown cursor shows the newest page.
        let stale = log_page(&db, &w, &id, from(Some("msg_purged"), None)).await;
        assert_eq!(events_of(&stale), events_of(&newest));
    })
    .await;
}

#[tokio::test]
async fn gone_or_failing_for_five_days_disables_and_tells_the_partner() {
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        let id = w
            .subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap();
        // 410 Gone disables at once.
        rx.answer(410);
        assert_eq!(
            w.publish_and_attempt(&db).await,
            deliveries::AttemptResult::Failed
        );
        let sub = secret_of(&db, &id).await;
        assert_eq!(sub.status, "disabled");
        // A disabled subscription gets no new deliveries.
        let p = deliveries::publish(&db, "SOLOSL", "estate.updated", serde_json::json!({}))
            .await
            .unwrap();
        assert_eq!(p.deliveries, 0);
        // Enabled again, failing since six days: the next failure disables and notifies.
        subscriptions::set_enabled(&db, &w.anna, w.partner, &id, true)
            .await
            .unwrap();
        push_subscription::Entity::update_many()
            .col_expr(
                push_subscription::Column::FailingSince,
                Expr::value(now() - chrono::Duration::days(6)),
            )
            .exec(&db)
            .await
            .unwrap();
        rx.answer(500);
        assert_eq!(
            w.publish_and_attempt(&db).await,
            deliveries::AttemptResult::Failed
        );
        let sub = secret_of(&db, &id).await;
        assert_eq!(sub.status, "disabled");
        assert!(sub.disabled_reason.unwrap().contains("5 days"));
        let notes = notification::Entity::find().all(&db).await.unwrap();
        assert!(
            notes
                .iter()
                .any(|n| n.title.starts_with("Push subscription disabled")),
            "{notes:?}"
        );
        // Redeliver after fixing the receiver.
        rx.answer(200);
        subscriptions::set_enabled(&db, &w.anna, w.partner, &id, true)
            .await
            .unwrap();
        let n = deliveries::replay_failed_since(
            &db,
            &w.anna,
            w.partner,
            &id,
            now() - chrono::Duration::hours(1),
        )
        .await
        .unwrap();
        assert_eq!(n, 2);
        for d in claim(&db, now()).await {
            deliveries::attempt(&db, &w.cfg, &w.client, d)
                .await
                .unwrap();
        }
        let ok = push_delivery::Entity::find()
            .filter(push_delivery::Column::Status.eq("succeeded"))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(ok, 2);
    })
    .await;
}
