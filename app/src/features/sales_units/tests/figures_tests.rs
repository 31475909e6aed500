//! The partner dashboard's figures count what the partner's pages list.
use crate::error::AppError;
use crate::features::sales_units::service::figures::partner_figures;
use crate::server::testing::{self, each_db};

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
        crate::features::products::service::versions::new_version(
            &db, &w.anna, w.partner, w.product,
        )
        .await
        .unwrap();
        crate::features::products::service::versions::activate(
            &db, &w.anna, w.partner, w.product, None,
        )
        .await
        .unwrap();
        let f = partner_figures(&db, &w.anna, w.partner).await.unwrap();
        assert_eq!((f.sales_units, f.upgrades_pending), (2, 2));
        assert!(matches!(
            partner_figures(&db, &w.kari, w.partner).await,
            Err(AppError::Forbidden)
        ));
    })
    .await;
}
