//! The suppliers page, the panel and the exact diff between versions (rule 5), and who may
//! see them.
use super::common::{ship_v2, world};
use crate::error::AppError;
use crate::features::accounts::service::bootstrap;
use crate::features::activations::dto::CardState;
use crate::features::activations::service::{activation, cards, diff};
use crate::features::products::service::{access_rules, grants, products, versions};
use crate::server::entities::product_version as pv;
use crate::server::testing::{actor, customer_org, each_db, grant};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

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
        let d = diff::version_diff(&db, v1, v2).await.unwrap();
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
        let back = diff::version_diff(&db, v2, v1).await.unwrap();
        assert_eq!(
            (
                back.added.len(),
                back.removed.len(),
                back.added_event_types.len()
            ),
            (1, 1, 0)
        );
        assert!(diff::version_diff(&db, v2, v2).await.unwrap().is_empty());
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
        grants::save_grants(
            &db,
            &w.cfg,
            &w.anna,
            w.partner,
            other,
            1,
            vec![grant("bids.read", &[])],
        )
        .await
        .unwrap();
        versions::activate(&db, &w.anna, w.partner, other, None)
            .await
            .unwrap();
        ship_v2(&db, &w).await;
        let page = cards::suppliers_page(&db, &w.kari, w.customer, "solosl", "", "")
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
        access_rules::set_access(&db, &w.anna, w.partner, other, "listed", "SOLBER")
            .await
            .unwrap();
        let solosl = cards::suppliers_page(&db, &w.kari, w.customer, "SOLOSL", "", "")
            .await
            .unwrap();
        assert_eq!(solosl.cards.len(), 1);
        let solber = cards::suppliers_page(&db, &w.kari, w.customer, "SOLBER", "", "")
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
        let solber = cards::suppliers_page(&db, &w.kari, w.customer, "SOLBER", "", "")
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
        let solosl = cards::suppliers_page(&db, &w.kari, w.customer, "SOLOSL", "feed", "")
            .await
            .unwrap();
        assert_eq!(solosl.cards.len(), 1);
        assert!(
            cards::suppliers_page(&db, &w.kari, w.customer, "SOLOSL", "nothing like it", "")
                .await
                .unwrap()
                .cards
                .is_empty()
        );
    })
    .await;
}

#[tokio::test]
async fn members_and_other_customers_are_refused() {
    each_db(|db| async move {
        let w = world(&db).await;
        ship_v2(&db, &w).await;
        let per = actor(&db, "per@solheim.example").await;
        let panel = cards::panel(&db, &per, w.customer, "SOLOSL", w.product)
            .await
            .unwrap();
        assert!(!panel.can_act, "members see the panel read-only");
        assert_eq!(
            activation::upgrade(&db, &per, w.customer, "SOLOSL", w.product, 2).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            activation::deactivate(&db, &per, w.customer, "SOLOSL", w.product).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            activation::activate(&db, &per, w.customer, "SOLBER", w.product, 2).await,
            Err(AppError::Forbidden)
        );
        let (fjord, ingrid) = customer_org(&db, "Fjord", "ingrid@fjord.example").await;
        bootstrap::ensure_installation(&db, fjord, "FJORD1", "Fjord", false)
            .await
            .unwrap();
        // Acting as Solheim without being a member, or naming Solheim's installation as Fjord.
        assert_eq!(
            cards::suppliers_page(&db, &ingrid, w.customer, "", "", "")
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            activation::upgrade(&db, &ingrid, w.customer, "SOLOSL", w.product, 2).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            activation::upgrade(&db, &ingrid, fjord, "SOLOSL", w.product, 2).await,
            Err(AppError::NotFound)
        );
        assert_eq!(
            cards::panel(&db, &ingrid, fjord, "SOLOSL", w.product)
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            cards::suppliers_page(&db, &ingrid, fjord, "SOLOSL", "", "")
                .await
                .err(),
            Some(AppError::NotFound)
        );
        let own = cards::suppliers_page(&db, &ingrid, fjord, "", "", "")
            .await
            .unwrap();
        assert_eq!(own.installation.unwrap().installation_id, "FJORD1");
        // A partner has no suppliers page.
        assert_eq!(
            cards::suppliers_page(&db, &w.anna, w.partner, "", "", "")
                .await
                .err(),
            Some(AppError::Forbidden)
        );
    })
    .await;
}
