//! A sales unit's history: activations, upgrades and deactivations are recorded with who,
//! acting as which organization; a partner reads its own products' entries and the sales
//! unit's own, never another partner's.
use crate::features::activations::service::activation;
use crate::features::products::service::{grants, products, versions};
use crate::features::sales_units::dto::HistoryKind;
use crate::features::sales_units::service::detail as unit;
use crate::server::testing::{self, each_db, grant};

#[tokio::test]
async fn the_history_says_who_did_what_for_whom_and_hides_other_partners() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        // Another partner's product on the same sales unit.
        let (broker, olav) =
            testing::partner_org(&db, "Brokerbase", "olav@brokerbase.example").await;
        let input = products::ProductInput {
            name: "Broker Sync".into(),
            kind: "rights".into(),
            ..Default::default()
        };
        let other = products::create_product(&db, &w.cfg, &olav, broker, input)
            .await
            .unwrap()
            .id;
        grants::save_grants(
            &db,
            &w.cfg,
            &olav,
            broker,
            other,
            1,
            vec![grant("estates.read", &[])],
        )
        .await
        .unwrap();
        versions::activate(&db, &olav, broker, other, None)
            .await
            .unwrap();
        testing::activate(&db, "SOLOSL", other).await;

        versions::new_version(&db, &w.anna, w.partner, w.product)
            .await
            .unwrap();
        grants::save_grants(
            &db,
            &w.cfg,
            &w.anna,
            w.partner,
            w.product,
            2,
            vec![grant("estates.read", &["sold"])],
        )
        .await
        .unwrap();
        versions::activate(&db, &w.anna, w.partner, w.product, None)
            .await
            .unwrap();
        activation::upgrade(&db, &w.kari, w.customer, "SOLOSL", w.product, 2)
            .await
            .unwrap();
        activation::deactivate(&db, &w.kari, w.customer, "SOLOSL", other)
            .await
            .unwrap();

        let seen = unit::detail(&db, &w.anna, w.partner, "SOLOSL")
            .await
            .unwrap();
        let kinds: Vec<HistoryKind> = seen.history.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [HistoryKind::Upgraded, HistoryKind::Activated],
            "newest first, Acme's only"
        );
        let up = &seen.history[0];
        assert_eq!(up.who, "kari@solheim.example");
        assert_eq!(up.acting_as.as_deref(), Some("Solheim"));
        assert_eq!(up.product.as_deref(), Some("Acme Feed"));
        assert_eq!(
            (up.old_value.as_deref(), up.new_value.as_deref()),
            (Some("1"), Some("2"))
        );
        assert_eq!(seen.history[1].new_value.as_deref(), Some("1"));

        // Brokerbase no longer runs anything there: not its sales unit any more.
        assert!(unit::detail(&db, &olav, broker, "SOLOSL").await.is_err());
    })
    .await;
}
