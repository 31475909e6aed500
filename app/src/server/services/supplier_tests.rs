//! Service tests of the customer side: cards, panel, diff, activate, upgrade, deactivate and
//! the notification job, on SQLite and PostgreSQL.
use super::*;
use crate::dto::{CardState, Environment, GrantChange, GrantFilters, OrgKind, Role};
use crate::error::AppError;
use crate::server::entities::{notification, product_version as pv};
use crate::server::testing::{actor, config, each_db, last_mailed_token, org_with_member};
use crate::server::Config;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

const CATALOG: &str = r#"{"functions": [
  {"key": "estates.read", "name": "Read estate", "area": "Estates", "method": "GET", "path": "/estates/{id}",
   "push": {"event_types": ["estate.changed"]},
   "filters": [{"key": "status", "label": "Estate status", "values": ["for_sale", "sold"]}]},
  {"key": "estates.list", "name": "List estates", "area": "Estates", "method": "GET", "path": "/estates"},
  {"key": "bids.read", "name": "Read bid", "area": "Bids", "method": "GET", "path": "/bids/{id}",
   "push": {"event_types": ["bid.received"]}}
]}"#;

fn req(key: &str, status: &[&str]) -> GrantChange {
    let mut filters = GrantFilters::new();
    if !status.is_empty() {
        filters.insert(
            "status".into(),
            status.iter().map(|s| s.to_string()).collect(),
        );
    }
    GrantChange {
        function_key: key.into(),
        required: true,
        filters,
    }
}

struct World {
    cfg: Config,
    partner: i32,
    anna: Actor,
    product: i32,
    customer: i32,
    kari: Actor,
}

/// Partner Acme's product at version 1 (estates.read for_sale + estates.list), activated on
/// SOLOSL of customer Solheim (admins kari and siri, member per).
async fn world(db: &DatabaseConnection) -> World {
    let cfg = Config {
        env: Environment::Production,
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
    bootstrap::ensure_member(db, customer, "siri@solheim.example", "", Role::Admin)
        .await
        .unwrap();
    bootstrap::ensure_member(db, customer, "per@solheim.example", "", Role::Member)
        .await
        .unwrap();
    bootstrap::ensure_installation(db, customer, "SOLOSL", "Solheim Oslo", false)
        .await
        .unwrap();
    bootstrap::ensure_installation(db, customer, "SOLBER", "Solheim Bergen", false)
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
    versions::save_grants(
        db,
        &cfg,
        &anna,
        partner,
        product,
        1,
        vec![req("estates.read", &["for_sale"]), req("estates.list", &[])],
    )
    .await
    .unwrap();
    versions::activate(db, &anna, partner, product, None)
        .await
        .unwrap();
    suppliers::activate(db, &kari, customer, "SOLOSL", product, 1)
        .await
        .unwrap();
    World {
        cfg,
        partner,
        anna,
        product,
        customer,
        kari,
    }
}

/// Version 2: estates.read widened to sold too, estates.list removed, bids.read added.
async fn ship_v2(db: &DatabaseConnection, w: &World) {
    versions::new_version(db, &w.anna, w.partner, w.product)
        .await
        .unwrap();
    let drop_list = GrantChange {
        function_key: "estates.list".into(),
        required: false,
        filters: GrantFilters::new(),
    };
    let changes = vec![
        req("estates.read", &["for_sale", "sold"]),
        drop_list,
        req("bids.read", &[]),
    ];
    versions::save_grants(db, &w.cfg, &w.anna, w.partner, w.product, 2, changes)
        .await
        .unwrap();
    versions::activate(db, &w.anna, w.partner, w.product, Some("Adds bids.".into()))
        .await
        .unwrap();
}

#[tokio::test]
async fn the_diff_between_versions_is_exact() {
    each_db(|db| async move {
        let w = world(&db).await;
        ship_v2(&db, &w).await;
        let vs = pv::Entity::find()
            .filter(pv::Column::ProductId.eq(w.product))
            .all(&db)
            .await
            .unwrap();
        let (v1, v2) = (
            vs.iter().find(|v| v.number == 1).unwrap(),
            vs.iter().find(|v| v.number == 2).unwrap(),
        );
        let d = suppliers::version_diff(&db, v1, v2).await.unwrap();
        assert_eq!((d.from, d.to), (1, 2));
        assert_eq!(
            d.added.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(),
            vec!["bids.read"]
        );
        assert_eq!(
            d.removed.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(),
            vec!["estates.list"]
        );
        assert_eq!(d.filter_changes.len(), 1);
        assert_eq!(d.filter_changes[0].before, "Estate status: for_sale");
        assert_eq!(d.filter_changes[0].after, "Estate status: for_sale, sold");
        assert_eq!(d.added_event_types, vec!["bid.received".to_string()]);
        assert_eq!(d.note.as_deref(), Some("Adds bids."));
        // The reverse direction mirrors it; a version against itself has no changes.
        let back = suppliers::version_diff(&db, v2, v1).await.unwrap();
        assert_eq!(
            (
                back.added.len(),
                back.removed.len(),
                back.added_event_types.len()
            ),
            (1, 1, 0)
        );
        assert!(suppliers::version_diff(&db, v2, v2)
            .await
            .unwrap()
            .is_empty());
    })
    .await;
}

#[tokio::test]
async fn upgradable_cards_sort_first_and_access_rules_hold() {
    each_db(|db| async move {
        let w = world(&db).await;
        let other = products::create_product(
            &db,
            &w.cfg,
            &w.anna,
            w.partner,
            products::ProductInput {
                name: "Acme Other".into(),
                kind: "rights".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .id;
        versions::save_grants(
            &db,
            &w.cfg,
            &w.anna,
            w.partner,
            other,
            1,
            vec![req("bids.read", &[])],
        )
        .await
        .unwrap();
        versions::activate(&db, &w.anna, w.partner, other, None)
            .await
            .unwrap();
        ship_v2(&db, &w).await;
        let page = suppliers::suppliers_page(&db, &w.kari, w.customer, "solosl", "", "")
            .await
            .unwrap();
        assert_eq!(
            page.installation.as_ref().unwrap().installation_id,
            "SOLOSL"
        );
        let states: Vec<(&str, CardState)> = page
            .cards
            .iter()
            .map(|c| (c.name.as_str(), c.state.clone()))
            .collect();
        assert_eq!(
            states,
            vec![
                (
                    "Acme Feed",
                    CardState::UpgradeAvailable {
                        current: 1,
                        latest: 2
                    }
                ),
                (
                    "Acme Other",
                    CardState::Available {
                        version: 1,
                        deactivated: false
                    }
                ),
            ]
        );
        // Restricting "Acme Other" to SOLBER hides it on SOLOSL and shows it on SOLBER.
        products::set_access(&db, &w.anna, w.partner, other, "listed", "SOLBER")
            .await
            .unwrap();
        let solosl = suppliers::suppliers_page(&db, &w.kari, w.customer, "SOLOSL", "", "")
            .await
            .unwrap();
        assert_eq!(solosl.cards.len(), 1);
        let solber = suppliers::suppliers_page(&db, &w.kari, w.customer, "SOLBER", "", "")
            .await
            .unwrap();
        assert_eq!(
            solber
                .cards
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>(),
            vec!["Acme Feed", "Acme Other"]
        );
        // A retired product disappears where it is not active, and keeps working where it is.
        products::retire_product(&db, &w.anna, w.partner, w.product)
            .await
            .unwrap();
        let solber = suppliers::suppliers_page(&db, &w.kari, w.customer, "SOLBER", "", "")
            .await
            .unwrap();
        assert_eq!(
            solber
                .cards
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>(),
            vec!["Acme Other"]
        );
        let solosl = suppliers::suppliers_page(&db, &w.kari, w.customer, "SOLOSL", "feed", "")
            .await
            .unwrap();
        assert_eq!(solosl.cards.len(), 1);
        assert!(suppliers::suppliers_page(
            &db,
            &w.kari,
            w.customer,
            "SOLOSL",
            "nothing like it",
            ""
        )
        .await
        .unwrap()
        .cards
        .is_empty());
    })
    .await;
}

#[tokio::test]
async fn upgrading_is_atomic_and_happens_once() {
    each_db(|db| async move {
        let w = world(&db).await;
        ship_v2(&db, &w).await;
        let siri = actor(&db, "siri@solheim.example").await;
        // Both administrators upgrade at the same moment: exactly one succeeds.
        let (a, b) = tokio::join!(
            suppliers::upgrade(&db, &w.kari, w.customer, "SOLOSL", w.product, 2),
            suppliers::upgrade(&db, &siri, w.customer, "SOLOSL", w.product, 2),
        );
        assert_eq!([a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(), 1, "{a:?} {b:?}");
        let loser = if a.is_ok() { b } else { a };
        assert!(matches!(loser, Err(AppError::Conflict(ref m)) if m.starts_with("Already done")), "{loser:?}");
        let panel = suppliers::panel(&db, &w.kari, w.customer, "SOLOSL", w.product).await.unwrap();
        assert_eq!((panel.card.state.clone(), panel.version), (CardState::Active { version: 2 }, 2));
        assert!(panel.history.iter().any(|h| h.what == "Upgraded from version 1 to version 2"));
        // A version that is no longer the active one cannot be upgraded to.
        versions::new_version(&db, &w.anna, w.partner, w.product).await.unwrap();
        versions::save_grants(&db, &w.cfg, &w.anna, w.partner, w.product, 3, vec![req("estates.list", &[])]).await.unwrap();
        versions::activate(&db, &w.anna, w.partner, w.product, None).await.unwrap();
        let stale = suppliers::upgrade(&db, &w.kari, w.customer, "SOLOSL", w.product, 2).await;
        assert!(matches!(stale, Err(AppError::Conflict(ref m)) if m.contains("no longer the active version")), "{stale:?}");
    })
    .await;
}

#[tokio::test]
async fn members_and_other_customers_are_refused() {
    each_db(|db| async move {
        let w = world(&db).await;
        ship_v2(&db, &w).await;
        let per = actor(&db, "per@solheim.example").await;
        let panel = suppliers::panel(&db, &per, w.customer, "SOLOSL", w.product)
            .await
            .unwrap();
        assert!(!panel.can_act, "members see the panel read-only");
        assert_eq!(
            suppliers::upgrade(&db, &per, w.customer, "SOLOSL", w.product, 2).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            suppliers::deactivate(&db, &per, w.customer, "SOLOSL", w.product).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            suppliers::activate(&db, &per, w.customer, "SOLBER", w.product, 2).await,
            Err(AppError::Forbidden)
        );
        let (fjord, ingrid) = org_with_member(
            &db,
            OrgKind::Customer,
            "Fjord",
            "ingrid@fjord.example",
            Role::Admin,
        )
        .await;
        bootstrap::ensure_installation(&db, fjord, "FJORD1", "Fjord", false)
            .await
            .unwrap();
        // Acting as Solheim without being a member, or naming Solheim's installation as Fjord.
        assert_eq!(
            suppliers::suppliers_page(&db, &ingrid, w.customer, "", "", "")
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            suppliers::upgrade(&db, &ingrid, w.customer, "SOLOSL", w.product, 2).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            suppliers::upgrade(&db, &ingrid, fjord, "SOLOSL", w.product, 2).await,
            Err(AppError::NotFound)
        );
        assert_eq!(
            suppliers::panel(&db, &ingrid, fjord, "SOLOSL", w.product)
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            suppliers::suppliers_page(&db, &ingrid, fjord, "SOLOSL", "", "")
                .await
                .err(),
            Some(AppError::NotFound)
        );
        let own = suppliers::suppliers_page(&db, &ingrid, fjord, "", "", "")
            .await
            .unwrap();
        assert_eq!(own.installation.unwrap().installation_id, "FJORD1");
        // A partner has no suppliers page.
        assert_eq!(
            suppliers::suppliers_page(&db, &w.anna, w.partner, "", "", "")
                .await
                .err(),
            Some(AppError::Forbidden)
        );
    })
    .await;
}

#[tokio::test]
async fn activate_deactivate_and_activate_again() {
    each_db(|db| async move {
        let w = world(&db).await;
        assert!(matches!(
            suppliers::activate(&db, &w.kari, w.customer, "SOLOSL", w.product, 1).await,
            Err(AppError::Conflict(_))
        ));
        suppliers::deactivate(&db, &w.kari, w.customer, "SOLOSL", w.product)
            .await
            .unwrap();
        let page = suppliers::suppliers_page(&db, &w.kari, w.customer, "SOLOSL", "", "")
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
            suppliers::deactivate(&db, &w.kari, w.customer, "SOLOSL", w.product).await,
            Err(AppError::Conflict(_))
        ));
        ship_v2(&db, &w).await;
        // The reviewed version must still be the active one.
        assert!(matches!(
            suppliers::activate(&db, &w.kari, w.customer, "SOLOSL", w.product, 1).await,
            Err(AppError::Conflict(_))
        ));
        suppliers::activate(&db, &w.kari, w.customer, "SOLOSL", w.product, 2)
            .await
            .unwrap();
        let panel = suppliers::panel(&db, &w.kari, w.customer, "SOLOSL", w.product)
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
            vec!["bid.received".to_string(), "estate.changed".to_string()]
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
            notifications::process_upgrade_queue(&db, &w.cfg)
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            notifications::process_upgrade_queue(&db, &w.cfg)
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
                .filter(|m| m.subject == "Upgrade available: Acme Feed version 2")
                .count(),
            2
        );
        let list = notifications::list(&db, &w.kari, w.customer).await.unwrap();
        assert_eq!((list.len(), list[0].read), (1, false));
        let kari_id = w.kari.user_id.unwrap();
        assert_eq!(
            notifications::unread_counts(&db, kari_id).await.unwrap(),
            vec![(w.customer, 1)]
        );
        notifications::mark_read(&db, &w.kari, w.customer, Some(list[0].id))
            .await
            .unwrap();
        assert!(notifications::unread_counts(&db, kari_id)
            .await
            .unwrap()
            .is_empty());
        // Someone else's notification cannot be marked through another organization.
        let (other, eve) = org_with_member(
            &db,
            OrgKind::Customer,
            "Other",
            "eve@other.example",
            Role::Admin,
        )
        .await;
        notifications::mark_read(&db, &eve, other, None)
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
            notifications::list(&db, &eve, w.customer).await.err(),
            Some(AppError::Forbidden)
        );
    })
    .await;
}
