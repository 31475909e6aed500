//! Activating, upgrading (exactly once) and deactivating, and the upgrade notifications.
use super::common::{ship_v2, world};
use crate::error::AppError;
use crate::features::activations::dto::CardState;
use crate::features::activations::service::{activation, cards};
use crate::features::notifications;
use crate::features::products::service::{grants, upgrade_queue, versions};
use crate::server::entities::notification;
use crate::server::mail;
use crate::server::testing::{actor, customer_org, each_db, grant, last_mailed_token};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

#[tokio::test]
async fn upgrading_is_atomic_and_happens_once() {
    each_db(|db| async move {
        let w = world(&db).await;
        ship_v2(&db, &w).await;
        let siri = actor(&db, "siri@solheim.example").await;
        // Both administrators upgrade at the same moment: exactly one succeeds.
        let (a, b) = tokio::join!(
            activation::upgrade(&db, &w.kari, w.customer, "SOLOSL", w.product, 2),
            activation::upgrade(&db, &siri, w.customer, "SOLOSL", w.product, 2),
        );
        assert_eq!([a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(), 1, "{a:?} {b:?}");
        let loser = if a.is_ok() { b } else { a };
        assert!(matches!(loser, Err(AppError::Conflict(ref m)) if m.starts_with("Already done")), "{loser:?}");
        let panel = cards::panel(&db, &w.kari, w.customer, "SOLOSL", w.product).await.unwrap();
        assert_eq!((panel.card.state.clone(), panel.version), (CardState::Active { version: 2 }, 2));
        assert!(panel.history.iter().any(|h| h.what == "Upgraded from version 1 to version 2"));
        // A version that is no longer the active one cannot be upgraded to.
        versions::new_version(&db, &w.anna, w.partner, w.product).await.unwrap();
        grants::save_grants(&db, &w.cfg, &w.anna, w.partner, w.product, 3, vec![grant("estates.list", &[])]).await.unwrap();
        versions::activate(&db, &w.anna, w.partner, w.product, None).await.unwrap();
        let stale = activation::upgrade(&db, &w.kari, w.customer, "SOLOSL", w.product, 2).await;
        assert!(matches!(stale, Err(AppError::Conflict(ref m)) if m.contains("no longer the active version")), "{stale:?}");
    })
    .await;
}

#[tokio::test]
async fn activate_deactivate_and_activate_again() {
    each_db(|db| async move {
        let w = world(&db).await;
        assert!(matches!(
            activation::activate(&db, &w.kari, w.customer, "SOLOSL", w.product, 1).await,
            Err(AppError::Conflict(_))
        ));
        activation::deactivate(&db, &w.kari, w.customer, "SOLOSL", w.product)
            .await
            .unwrap();
        let page = cards::suppliers_page(&db, &w.kari, w.customer, "SOLOSL", "", "")
            .await
            .unwrap();
        assert_eq!(
            page.cards[0].state,
            CardState::Available {
                version: 1,
                deactivated: true
            }
        );
        assert!(matches!(
            activation::deactivate(&db, &w.kari, w.customer, "SOLOSL", w.product).await,
            Err(AppError::Conflict(_))
        ));
        ship_v2(&db, &w).await;
        // The reviewed version must still be the active one.
        assert!(matches!(
            activation::activate(&db, &w.kari, w.customer, "SOLOSL", w.product, 1).await,
            Err(AppError::Conflict(_))
        ));
        activation::activate(&db, &w.kari, w.customer, "SOLOSL", w.product, 2)
            .await
            .unwrap();
        let panel = cards::panel(&db, &w.kari, w.customer, "SOLOSL", w.product)
            .await
            .unwrap();
        assert_eq!(panel.card.state, CardState::Active { version: 2 });
        assert_eq!(
            panel
                .functions
                .iter()
                .map(|f| f.key.as_str())
                .collect::<Vec<_>>(),
            vec!["bids.read", "estates.read"]
        );
        assert_eq!(
            panel.event_types,
            [
                "bid.received",
                "estate.changed",
                "estate.sold",
                "estate.updated"
            ]
            .map(String::from)
            .to_vec()
        );
        assert_eq!(panel.history.len(), 3, "{:?}", panel.history);
    })
    .await;
}

#[tokio::test]
async fn a_new_version_notifies_each_admin_once() {
    each_db(|db| async move {
        let w = world(&db).await;
        ship_v2(&db, &w).await;
        assert_eq!(
            upgrade_queue::process_upgrade_queue(&db, &w.cfg)
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            upgrade_queue::process_upgrade_queue(&db, &w.cfg)
                .await
                .unwrap(),
            0,
            "nothing twice"
        );
        let all = notification::Entity::find().all(&db).await.unwrap();
        assert_eq!(all.len(), 2, "kari and siri, not the member per");
        assert!(all.iter().all(|n| n.link
            == format!(
                "/o/{}/suppliers?installation=SOLOSL&product={}",
                w.customer, w.product
            )));
        assert!(
            last_mailed_token(&db, "siri@solheim.example")
                .await
                .is_none(),
            "the mail carries a link, not a token"
        );
        let mails = mail::recent(&db, 50).await.unwrap();
        assert_eq!(
            mails
                .iter()
                .filter(|m| m.subject == "Upgrade available: Acme Feed version 2 for Solheim Oslo")
                .count(),
            2
        );
        let list = notifications::service::list(&db, &w.kari, w.customer)
            .await
            .unwrap();
        assert_eq!((list.len(), list[0].read), (1, false));
        let kari_id = w.kari.user_id.unwrap();
        assert_eq!(
            notifications::service::unread_counts(&db, kari_id)
                .await
                .unwrap(),
            vec![(w.customer, 1)]
        );
        notifications::service::mark_read(&db, &w.kari, w.customer, Some(list[0].id))
            .await
            .unwrap();
        assert!(notifications::service::unread_counts(&db, kari_id)
            .await
            .unwrap()
            .is_empty());
        // Someone else's notification cannot be marked through another organization.
        let (other, eve) = customer_org(&db, "Other", "eve@other.example").await;
        notifications::service::mark_read(&db, &eve, other, None)
            .await
            .unwrap();
        assert_eq!(
            notification::Entity::find()
                .filter(notification::Column::ReadAt.is_null())
                .count(&db)
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            notifications::service::list(&db, &eve, w.customer)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
    })
    .await;
}

#[tokio::test]
async fn keeping_a_version_changes_nothing_and_the_partner_reads_the_choice() {
    each_db(|db| async move {
        let w = world(&db).await;
        // Nothing newer to keep instead of.
        let early =
            activation::keep_version(&db, &w.kari, w.customer, "SOLOSL", w.product, 1).await;
        assert!(matches!(early, Err(AppError::Conflict(_))), "{early:?}");
        ship_v2(&db, &w).await;
        let per = actor(&db, "per@solheim.example").await;
        let refused = activation::keep_version(&db, &per, w.customer, "SOLOSL", w.product, 2).await;
        assert!(
            matches!(refused, Err(AppError::Forbidden)),
            "a member: {refused:?}"
        );
        let stale =
            activation::keep_version(&db, &w.kari, w.customer, "SOLOSL", w.product, 3).await;
        assert!(matches!(stale, Err(AppError::Conflict(_))), "{stale:?}");

        activation::keep_version(&db, &w.kari, w.customer, "SOLOSL", w.product, 2)
            .await
            .unwrap();
        // Still on version 1, still upgradable; the panel and the partner's history say so.
        let panel = cards::panel(&db, &w.kari, w.customer, "SOLOSL", w.product)
            .await
            .unwrap();
        assert!(
            matches!(
                panel.card.state,
                CardState::UpgradeAvailable {
                    current: 1,
                    latest: 2
                }
            ),
            "{:?}",
            panel.card.state
        );
        assert_eq!(
            panel.history[0].describe(crate::i18n::Lang::En),
            "Kept version 1 instead of version 2"
        );
        // The sales unit's history (which its partner reads) records it.
        use crate::server::entities::sales_unit_event as event;
        use sea_orm::QueryOrder;
        let kept = event::Entity::find()
            .order_by_desc(event::Column::Id)
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(kept.kind, crate::glossary::HistoryKind::KeptVersion);
        assert_eq!(
            (kept.old_value.as_deref(), kept.new_value.as_deref()),
            (Some("1"), Some("2"))
        );
        assert_eq!(
            (kept.actor.as_str(), kept.product_id),
            ("kari@solheim.example", Some(w.product))
        );
    })
    .await;
}
