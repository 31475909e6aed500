//! The partner dashboard's figures count what the partner's pages list.
use crate::error::AppError;
use crate::features::products::service::versions;
use crate::features::sales_units::service::figures::partner_figures;
use crate::server::testing::{self, each_db, World};
use sea_orm::DatabaseConnection;

/// Acme ships version 2 of its product: SOLOSL, on version 1, may upgrade.
async fn ship_version_2(db: &DatabaseConnection, w: &World) {
    versions::new_version(db, &w.anna, w.partner, w.product)
        .await
        .unwrap();
    versions::activate(db, &w.anna, w.partner, w.product, None)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_figures_count_products_sales_units_and_pending_upgrades() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        testing::activate(&db, "SOLBER", w.product).await;
        let f = partner_figures(&db, &w.anna, w.partner).await.unwrap();
        assert_eq!((f.active_products, f.draft_products), (1, 0));
        assert_eq!(
            (f.sales_units, f.upgrades_pending, f.failing_subscriptions),
            (2, 0, 0)
        );
        ship_version_2(&db, &w).await;
        let f = partner_figures(&db, &w.anna, w.partner).await.unwrap();
        assert_eq!((f.sales_units, f.upgrades_pending), (2, 2));
        assert!(matches!(
            partner_figures(&db, &w.kari, w.partner).await,
            Err(AppError::Forbidden)
        ));
    })
    .await;
}

#[tokio::test]
async fn customers_and_the_operator_get_their_own_figures() {
    use crate::features::sales_units::dto::OrgFigures;
    use crate::features::sales_units::service::figures::figures;
    each_db(|db| async move {
        let w = super::world(&db).await;
        let (op, olav) = testing::operator(&db).await;
        let Ok(OrgFigures::Customer(c)) = figures(&db, &w.kari, w.customer).await else {
            panic!("a customer's figures")
        };
        assert_eq!(
            (c.installations, c.products, c.upgrades_available),
            (2, 1, 0)
        );
        // A new version of the product: SOLOSL may upgrade.
        ship_version_2(&db, &w).await;
        let Ok(OrgFigures::Customer(c)) = figures(&db, &w.kari, w.customer).await else {
            panic!("a customer's figures")
        };
        assert_eq!(c.upgrades_available, 1);
        let Ok(OrgFigures::Operator(o)) = figures(&db, &olav, op).await else {
            panic!("the operator's figures")
        };
        assert_eq!(
            (o.partners, o.customers, o.sales_units, o.price_packages),
            (1, 1, 2, 0)
        );
        assert!(matches!(
            figures(&db, &w.kari, op).await,
            Err(AppError::Forbidden)
        ));
    })
    .await;
}
