//! Deliveries: fan-out, signatures, retries, leases that expire, and fair claims.
use super::common::*;
use crate::error::AppError;
use crate::features::push::service::{attempts, claims, manage, publish, subscriptions};
use crate::server::clock::now;
use crate::server::testing::each_db;
use std::sync::atomic::Ordering;

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
            let r = publish::publish(&db, inst, ty, data).await;
            assert!(matches!(r, Err(AppError::Invalid(_))), "{inst} {ty}");
        }
        // A type nobody subscribed to is recorded with no delivery.
        let p = publish::publish(&db, "SOLOSL", "estate.sold", serde_json::json!({"id": 1}))
            .await
            .unwrap();
        assert_eq!(p.deliveries, 0);
        let p = publish::publish(
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
        let r = attempts::attempt(&db, &w.cfg, &w.client, claimed[0])
            .await
            .unwrap();
        let attempts::AttemptResult::Retry(next) = r else {
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
        let r = attempts::attempt(&db, &w.cfg, &w.client, claimed[0])
            .await
            .unwrap();
        assert_eq!(r, attempts::AttemptResult::Succeeded);
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
        manage::rotate_secret(&db, &w.cfg, &w.anna, w.partner, &id)
            .await
            .unwrap();
        let rotated = secret_of(&db, &id).await;
        publish::send_test(&db, &w.anna, w.partner, &id)
            .await
            .unwrap();
        for d in claim(&db, now()).await {
            attempts::attempt(&db, &w.cfg, &w.client, d).await.unwrap();
        }
        let (headers, body) = rx.last();
        assert!(body.contains("portico.test"));
        let new_secret = w.cfg.secret_key.open(&rotated.secret).unwrap();
        assert_ne!(new_secret, secret);
        assert!(signed_by(&headers, &body, &new_secret));
        assert!(signed_by(&headers, &body, &secret));
        // Retention: finished events go with their deliveries; the log empties.
        let gone = claims::purge_older_than(&db, chrono::Duration::zero())
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
        let again = claim(&db, at + claims::LEASE + chrono::Duration::seconds(1)).await;
        assert_eq!(again.len(), 3);
        for d in again {
            assert_eq!(
                attempts::attempt(&db, &w.cfg, &w.client, d).await.unwrap(),
                attempts::AttemptResult::Succeeded
            );
            // A late duplicate of the same claim does nothing.
            assert_eq!(
                attempts::attempt(&db, &w.cfg, &w.client, d).await.unwrap(),
                attempts::AttemptResult::Skipped
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
