//! What probing found in push, kept fixed: the signing secret does not reappear after an edit,
//! the address rules hold at every send (not only when the URL was typed), and a subscription
//! deleted while its delivery is out settles without a database error.
use super::common::*;
use crate::features::push::service::{attempts, manage, subscriptions};
use crate::server::clock::now;
use crate::server::entities::{push_attempt, push_delivery, push_subscription};
use crate::server::net::address::AllowList;
use crate::server::net::sender;
use crate::server::testing::each_db;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use std::sync::Arc;

#[tokio::test]
async fn the_secret_is_not_shown_again_after_an_edit() {
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        let id = w
            .subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap();
        manage::hide_secret(&db, &w.anna, w.partner, &id)
            .await
            .unwrap();
        let shown = |db: sea_orm::DatabaseConnection, id: String| {
            let (cfg, anna, partner) = (w.cfg.clone(), w.anna.clone(), w.partner);
            async move {
                subscriptions::detail(&db, &cfg, &anna, partner, &id, &status("all"))
                    .await
                    .unwrap()
                    .secret_once
            }
        };
        // Editing, disabling and enabling touch the subscription, not its secret.
        let edit = input(&rx.url, &["estate.updated", "estate.sold"]);
        manage::update(&db, &w.cfg, &w.client, &w.anna, w.partner, &id, edit)
            .await
            .unwrap();
        manage::set_enabled(&db, &w.anna, w.partner, &id, false)
            .await
            .unwrap();
        manage::set_enabled(&db, &w.anna, w.partner, &id, true)
            .await
            .unwrap();
        // Even with the confirmation undone, a secret made 20 minutes ago stays hidden.
        push_subscription::Entity::update_many()
            .col_expr(
                push_subscription::Column::SecretRevealed,
                Expr::value(false),
            )
            .col_expr(
                push_subscription::Column::SecretCreatedAt,
                Expr::value(now() - chrono::Duration::minutes(20)),
            )
            .exec(&db)
            .await
            .unwrap();
        assert_eq!(shown(db.clone(), id.clone()).await, None);
        // A rotation makes a new secret, which is shown.
        manage::rotate_secret(&db, &w.cfg, &w.anna, w.partner, &id)
            .await
            .unwrap();
        assert!(shown(db.clone(), id.clone()).await.is_some());
    })
    .await;
}

#[tokio::test]
async fn the_address_rules_hold_at_every_send() {
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        // Saved while PORTICO_PUSH_ALLOW allowed 127.0.0.1 ...
        w.subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap();
        let before = rx.count();
        w.publish(&db, 1).await;
        // ... then the operator narrows it and restarts: the receiver gets nothing more.
        let narrowed = sender::client(Arc::new(AllowList::default()));
        let due = claim(&db, now()).await;
        let r = attempts::attempt(&db, &w.cfg, &narrowed, due[0])
            .await
            .unwrap();
        assert!(matches!(r, attempts::AttemptResult::Retry(_)), "{r:?}");
        assert_eq!(rx.count(), before, "nothing reached the receiver");
        let attempt = push_attempt::Entity::find()
            .all(&db)
            .await
            .unwrap()
            .pop()
            .unwrap();
        let error = attempt.error.unwrap_or_default();
        assert!(error.contains("internal address"), "{error}");
    })
    .await;
}

#[tokio::test]
async fn deleting_a_subscription_while_its_delivery_is_out_settles_cleanly() {
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        let id = w
            .subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap();
        w.publish(&db, 2).await;
        let due = claim(&db, now()).await;
        assert_eq!(due.len(), 2);
        // The first is out, waiting for the slow receiver, when the partner deletes the
        // subscription; the second was claimed but not yet sent.
        rx.delay(300);
        let out = {
            let (db, cfg, client, d) = (db.clone(), w.cfg.clone(), w.client.clone(), due[0]);
            tokio::spawn(async move { attempts::attempt(&db, &cfg, &client, d).await })
        };
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        manage::delete(&db, &w.anna, w.partner, &id).await.unwrap();
        assert_eq!(out.await.unwrap(), Ok(attempts::AttemptResult::Skipped));
        let r = attempts::attempt(&db, &w.cfg, &w.client, due[1]).await;
        assert_eq!(r, Ok(attempts::AttemptResult::Skipped));
        assert_eq!(push_delivery::Entity::find().count(&db).await.unwrap(), 0);
        assert_eq!(
            push_attempt::Entity::find()
                .filter(push_attempt::Column::DeliveryId.is_not_null())
                .count(&db)
                .await
                .unwrap(),
            0
        );
    })
    .await;
}

#[tokio::test]
async fn a_restarted_or_dead_instance_s_deliveries_resume_at_once() {
    use crate::features::push::service::claims;
    use crate::server::entities::push_worker;
    each_db(|db| async move {
        let w = world(&db).await;
        let rx = Receiver::start().await;
        w.subscribe(&db, input(&rx.url, &["estate.updated"]))
            .await
            .unwrap();
        w.publish(&db, 2).await;
        let all = |_: claims::DueSubscription| 10;
        // Instance a claims both, then is killed: its leases would hold for a minute.
        claims::heartbeat(&db, "a").await.unwrap();
        let held = claim_as(&db, now(), 10, all, 0, "a").await;
        assert_eq!(held.len(), 2);
        assert!(
            claim_as(&db, now(), 10, all, 0, "b").await.is_empty(),
            "leased"
        );
        let ids_before: Vec<String> = push_delivery::Entity::find()
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|d| d.public_id)
            .collect();
        // Restarted under the same name, a takes them back at once.
        assert_eq!(claims::reclaim_own(&db, "a").await, Ok(2));
        let again = claim_as(&db, now(), 10, all, 0, "a").await;
        assert_eq!(again, held);
        let ids_after: Vec<String> = push_delivery::Entity::find()
            .all(&db)
            .await
            .unwrap()
            .into_iter()
            .map(|d| d.public_id)
            .collect();
        assert_eq!(ids_before, ids_after, "the same webhook-id on every try");
        // If a never comes back, its heartbeat goes stale and b takes over.
        push_worker::Entity::update_many()
            .col_expr(
                push_worker::Column::HeartbeatAt,
                Expr::value(now() - chrono::Duration::seconds(30)),
            )
            .filter(push_worker::Column::InstanceId.eq("a"))
            .exec(&db)
            .await
            .unwrap();
        assert_eq!(claim_as(&db, now(), 10, all, 0, "b").await.len(), 2);
    })
    .await;
}
