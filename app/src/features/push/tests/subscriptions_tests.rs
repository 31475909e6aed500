//! Push subscriptions: verified receivers, the signing secret, listing and filtering, the
//! delivery log's pages, and disabling after 410 or five days of failures.
use super::common::*;
use crate::error::AppError;
use crate::features::push::service::{attempts, delivery_log, manage, publish, subscriptions};
use crate::glossary::{OrgKind, Role};
use crate::server::clock::now;
use crate::server::entities::{notification, push_delivery, push_subscription};
use crate::server::testing::{each_db, org_with_member, partner_org, World};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

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
        manage::hide_secret(&db, &w.anna, w.partner, &id)
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
        let (other, eve) = partner_org(&db, "Evil", "eve@evil.example").await;
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

/// One page of the subscription's log as Anna sees it.
async fn log_page(
    db: &DatabaseConnection,
    w: &World,
    id: &str,
    q: delivery_log::LogQuery,
) -> crate::features::push::dto::DeliveryLog {
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
        let events_of = |l: &crate::features::push::dto::DeliveryLog| {
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
            attempts::AttemptResult::Failed
        );
        let sub = secret_of(&db, &id).await;
        assert_eq!(sub.status.as_str(), "disabled");
        // A disabled subscription gets no new deliveries.
        let p = publish::publish(&db, "SOLOSL", "estate.updated", serde_json::json!({}))
            .await
            .unwrap();
        assert_eq!(p.deliveries, 0);
        // Enabled again, failing since six days: the next failure disables and notifies.
        manage::set_enabled(&db, &w.anna, w.partner, &id, true)
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
            attempts::AttemptResult::Failed
        );
        let sub = secret_of(&db, &id).await;
        assert_eq!(sub.status.as_str(), "disabled");
        assert_eq!(sub.disabled_reason.as_deref(), Some("failing"));
        let notes = notification::Entity::find().all(&db).await.unwrap();
        assert!(
            notes
                .iter()
                .any(|n| n.title.starts_with("Push subscription disabled")),
            "{notes:?}"
        );
        // Redeliver after fixing the receiver.
        rx.answer(200);
        manage::set_enabled(&db, &w.anna, w.partner, &id, true)
            .await
            .unwrap();
        let n = publish::replay_failed_since(
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
            attempts::attempt(&db, &w.cfg, &w.client, d).await.unwrap();
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
