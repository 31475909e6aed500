//! The connection rule, deactivation hiding, search, filters and cursor pages, on SQLite and
//! PostgreSQL.
use crate::error::AppError;
use crate::features::accounts::service::{installations, orgs};
use crate::features::products::dto::ProductDetail;
use crate::features::products::service::{detail, grants, products, versions};
use crate::features::sales_units::dto::{SalesUnitQuery, PAGE_SIZE};
use crate::features::sales_units::service::{detail as unit, list};
use crate::server::entities::{installation, organization};
use crate::server::scope::Actor;
use crate::server::testing::{self, each_db, grant, World};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set,
};

fn query(q: &str) -> SalesUnitQuery {
    SalesUnitQuery {
        q: q.into(),
        ..SalesUnitQuery::default()
    }
}

/// Acme's product page, with its adoption table.
async fn adoption(db: &DatabaseConnection, w: &World) -> ProductDetail {
    detail::product_detail(db, &w.cfg, &w.anna, w.partner, w.product)
        .await
        .unwrap()
}

async fn ids(db: &DatabaseConnection, who: &Actor, org: i32, q: SalesUnitQuery) -> Vec<String> {
    list::list(db, who, org, &q)
        .await
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.installation_id)
        .collect()
}

/// A second partner, Brokerbase (admin olav), with its own product active and activated on
/// SOLBER only.
async fn brokerbase(db: &DatabaseConnection, w: &World) -> (i32, Actor) {
    let (org, olav) = testing::partner_org(db, "Brokerbase", "olav@brokerbase.example").await;
    let input = products::ProductInput {
        name: "Broker Sync".into(),
        kind: "rights".into(),
        ..Default::default()
    };
    let p = products::create_product(db, &w.cfg, &olav, org, input)
        .await
        .unwrap()
        .id;
    grants::save_grants(
        db,
        &w.cfg,
        &olav,
        org,
        p,
        1,
        vec![grant("estates.read", &[])],
    )
    .await
    .unwrap();
    versions::activate(db, &olav, org, p, None).await.unwrap();
    testing::activate(db, "SOLBER", p).await;
    (org, olav)
}

#[tokio::test]
async fn a_partner_sees_only_the_sales_units_connected_to_it() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        let (broker, olav) = brokerbase(&db, &w).await;
        assert_eq!(ids(&db, &w.anna, w.partner, query("")).await, ["SOLOSL"]);
        assert_eq!(ids(&db, &olav, broker, query("")).await, ["SOLBER"]);
        // Another partner's sales unit is unknown, not forbidden; another partner's list refused.
        assert!(matches!(
            unit::detail(&db, &w.anna, w.partner, "SOLBER").await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            list::list(&db, &w.anna, broker, &query("")).await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            unit::detail(&db, &w.anna, broker, "SOLBER").await,
            Err(AppError::Forbidden)
        ));
        // A customer is not a partner.
        assert!(matches!(
            list::list(&db, &w.kari, w.customer, &query("")).await,
            Err(AppError::Forbidden)
        ));
        let d = unit::detail(&db, &w.anna, w.partner, "solosl")
            .await
            .unwrap();
        assert_eq!(d.unit.customer, "Solheim");
        assert_eq!(d.unit.products.len(), 1);
        assert_eq!(d.unit.products[0].name, "Acme Feed");
        assert_eq!(d.unit.products[0].upgrade_pending_since, None);
    })
    .await;
}

#[tokio::test]
async fn deactivated_sales_units_and_customers_vanish_from_every_partner_view() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        let (op, olav) = testing::operator(&db).await;
        let inst = installation::Entity::find()
            .filter(installation::Column::InstallationId.eq("SOLOSL"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let shown = adoption(&db, &w).await;
        assert_eq!(shown.adoption.len(), 1);
        assert_eq!(shown.versions[0].installations, 1);

        installations::set_installation_active(&db, &olav, op, inst.id, false)
            .await
            .unwrap();
        assert!(ids(&db, &w.anna, w.partner, query("")).await.is_empty());
        assert!(matches!(
            unit::detail(&db, &w.anna, w.partner, "SOLOSL").await,
            Err(AppError::NotFound)
        ));
        let hidden = adoption(&db, &w).await;
        assert!(hidden.adoption.is_empty(), "{:?}", hidden.adoption);
        assert_eq!(hidden.versions[0].installations, 0);
        let listed = products::list_products(&db, &w.anna, w.partner, "", "")
            .await
            .unwrap();
        assert_eq!(listed[0].installations, 0);

        // Back again, then the whole customer deactivated.
        installations::set_installation_active(&db, &olav, op, inst.id, true)
            .await
            .unwrap();
        assert_eq!(ids(&db, &w.anna, w.partner, query("")).await, ["SOLOSL"]);
        orgs::set_organization_active(&db, &olav, op, w.customer, false)
            .await
            .unwrap();
        assert!(ids(&db, &w.anna, w.partner, query("")).await.is_empty());
        assert!(matches!(
            unit::detail(&db, &w.anna, w.partner, "SOLOSL").await,
            Err(AppError::NotFound)
        ));
        let hidden = adoption(&db, &w).await;
        assert!(hidden.adoption.is_empty());
    })
    .await;
}

#[tokio::test]
async fn one_box_finds_sales_units_by_name_id_customer_or_business_identifier() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        // SOLBER too, and a third installation whose name contains "SOLOSL".
        testing::activate(&db, "SOLBER", w.product).await;
        testing::installation(&db, w.customer, "ZZ-1", "Near SOLOSL office", false).await;
        testing::activate(&db, "ZZ-1", w.product).await;
        let mut solheim = organization::Entity::find_by_id(w.customer)
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .into_active_model();
        solheim.business_id_scheme = Set(Some("business:NO:ORG".into()));
        solheim.business_id = Set(Some("923609016".into()));
        solheim.update(&db).await.unwrap();
        let (other, _) = testing::customer_org(&db, "Fjord Megling", "ingrid@fjord.example").await;
        testing::installation(&db, other, "FJ1", "Fjord Stavanger", false).await;
        testing::activate(&db, "FJ1", w.product).await;

        let (a, p) = (&w.anna, w.partner);
        assert_eq!(
            ids(&db, a, p, query("")).await,
            ["FJ1", "SOLBER", "SOLOSL", "ZZ-1"]
        );
        assert_eq!(ids(&db, a, p, query("bergen")).await, ["SOLBER"]);
        // The exact installation ID first, then the name that contains it.
        assert_eq!(ids(&db, a, p, query("solosl")).await, ["SOLOSL", "ZZ-1"]);
        assert_eq!(ids(&db, a, p, query("fjord megl")).await, ["FJ1"]);
        assert_eq!(
            ids(&db, a, p, query("923 609 016")).await,
            ["SOLBER", "SOLOSL", "ZZ-1"]
        );
        assert_eq!(
            ids(&db, a, p, query("business:NO:ORG 923609016")).await,
            ["SOLBER", "SOLOSL", "ZZ-1"]
        );
        // LIKE wildcards are text.
        assert!(ids(&db, a, p, query("%")).await.is_empty());
        assert!(ids(&db, a, p, query("_")).await.is_empty());
        assert!(matches!(
            list::list(
                &db,
                a,
                p,
                &SalesUnitQuery {
                    cursor: "x".into(),
                    ..query("")
                }
            )
            .await,
            Err(AppError::Invalid(_))
        ));

        // Upgrade pending: version 2 ships, kari upgrades SOLOSL only.
        versions::new_version(&db, &w.anna, w.partner, w.product)
            .await
            .unwrap();
        let v2 = vec![grant("estates.read", &["for_sale"])];
        grants::save_grants(&db, &w.cfg, &w.anna, w.partner, w.product, 2, v2)
            .await
            .unwrap();
        versions::activate(&db, &w.anna, w.partner, w.product, None)
            .await
            .unwrap();
        crate::features::activations::service::activation::upgrade(
            &db, &w.kari, w.customer, "SOLOSL", w.product, 2,
        )
        .await
        .unwrap();
        let pending = SalesUnitQuery {
            upgrade_pending: true,
            ..query("")
        };
        assert_eq!(ids(&db, a, p, pending).await, ["FJ1", "SOLBER", "ZZ-1"]);
        let page = list::list(&db, a, p, &query("SOLBER")).await.unwrap();
        assert!(page.rows[0].products[0].upgrade_pending_since.is_some());
        assert_eq!(page.rows[0].products[0].version, 1);
        let filtered = SalesUnitQuery {
            product_id: Some(w.product + 1000),
            ..query("")
        };
        assert!(ids(&db, a, p, filtered).await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn cursor_pages_are_stable_and_complete() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        for n in 0..(2 * PAGE_SIZE + 7) {
            let id = format!("U{n:04}");
            testing::installation(&db, w.customer, &id, &format!("Unit {n}"), false).await;
            testing::activate(&db, &id, w.product).await;
        }
        let mut seen = Vec::new();
        let mut q = query("");
        let mut pages = 0;
        loop {
            let page = list::list(&db, &w.anna, w.partner, &q).await.unwrap();
            assert!(page.rows.len() <= PAGE_SIZE);
            seen.extend(page.rows.into_iter().map(|r| r.installation_id));
            pages += 1;
            match page.next_cursor {
                Some(c) => q.cursor = c,
                None => break,
            }
        }
        assert_eq!(pages, 3);
        let mut sorted = seen.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(seen, sorted, "in order, no repeats");
        assert_eq!(
            seen.len(),
            2 * PAGE_SIZE + 7 + 1,
            "every unit, SOLOSL included"
        );

        // A search whose exact match ranks first still pages through the rest in order.
        let mut q = query("unit");
        let mut found = Vec::new();
        loop {
            let page = list::list(&db, &w.anna, w.partner, &q).await.unwrap();
            found.extend(page.rows.into_iter().map(|r| r.installation_id));
            match page.next_cursor {
                Some(c) => q.cursor = c,
                None => break,
            }
        }
        assert_eq!(found.len(), 2 * PAGE_SIZE + 7);
        let mut q = query("U0100");
        q.cursor = String::new();
        let first = ids(&db, &w.anna, w.partner, q).await;
        assert_eq!(first, ["U0100"]);
    })
    .await;
}
