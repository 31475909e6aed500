//! Changing a sales unit's name and logo: who may (a connected partner's admin, the customer's
//! admin), what is refused, and that each change reaches the history on both sides and the
//! customer's administrators.
use crate::error::AppError;
use crate::features::notifications::service as notifications;
use crate::features::sales_units::dto::HistoryKind;
use crate::features::sales_units::service::{customer, detail as unit, edit};
use crate::glossary::Role;
use crate::server::testing::png;
use crate::server::testing::{self, each_db};

#[tokio::test]
async fn a_partner_renames_its_sales_unit_and_the_customer_reads_it_in_the_history() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        edit::rename(
            &db,
            &w.cfg,
            &w.anna,
            w.partner,
            "SOLOSL",
            " Solheim Oslo (sentrum) ",
        )
        .await
        .unwrap();
        let seen = customer::detail(&db, &w.kari, w.customer, "SOLOSL")
            .await
            .unwrap();
        assert_eq!(seen.unit.name, "Solheim Oslo (sentrum)");
        let renamed = &seen.history[0];
        assert_eq!(renamed.kind, HistoryKind::Renamed);
        assert_eq!(renamed.who, "anna@acme.example");
        assert_eq!(renamed.acting_as.as_deref(), Some("Acme"));
        assert_eq!(renamed.old_value.as_deref(), Some("Solheim Oslo"));
        // The customer's administrators are told; the partner's page shows the same entry.
        let told = notifications::list(&db, &w.kari, w.customer).await.unwrap();
        assert!(
            told.iter()
                .any(|n| n.body.contains("Solheim Oslo (sentrum)")),
            "{told:?}"
        );
        let partner = unit::detail(&db, &w.anna, w.partner, "SOLOSL")
            .await
            .unwrap();
        assert_eq!(partner.history[0].kind, HistoryKind::Renamed);
        assert!(partner.can_edit);

        // The logo: decoded, stored, in the history; the customer changes it too.
        edit::set_logo(&db, &w.cfg, &w.anna, w.partner, "SOLOSL", &png(300))
            .await
            .unwrap();
        edit::set_logo(&db, &w.cfg, &w.kari, w.customer, "SOLOSL", &png(200))
            .await
            .unwrap();
        let stored = edit::logo(&db, &w.kari, w.customer, "SOLOSL")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(image::load_from_memory(&stored).unwrap().width(), 200);
        let seen = customer::detail(&db, &w.kari, w.customer, "SOLOSL")
            .await
            .unwrap();
        assert!(seen.logo_url.is_some());
        let kinds: Vec<HistoryKind> = seen.history.iter().take(2).map(|e| e.kind).collect();
        assert_eq!(kinds, [HistoryKind::LogoChanged, HistoryKind::LogoChanged]);
    })
    .await;
}

#[tokio::test]
async fn bad_names_and_logos_and_strangers_change_nothing() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        for bad in ["", "   ", "Solheim <Oslo>", "Solheim/Oslo", &"x".repeat(41)] {
            assert!(
                matches!(
                    edit::rename(&db, &w.cfg, &w.anna, w.partner, "SOLOSL", bad).await,
                    Err(AppError::Invalid(_))
                ),
                "{bad:?}"
            );
        }
        assert!(
            edit::rename(&db, &w.cfg, &w.anna, w.partner, "SOLOSL", &"x".repeat(40))
                .await
                .is_ok()
        );
        assert!(matches!(
            edit::set_logo(
                &db,
                &w.cfg,
                &w.anna,
                w.partner,
                "SOLOSL",
                b"\x89PNG\r\n\x1a\nnot really"
            )
            .await,
            Err(AppError::Invalid(_))
        ));
        // Another partner's admin: SOLOSL is not its sales unit. A member may not change it. A
        // customer's installation that is not connected to the partner is unknown to it.
        let (other, olav) =
            testing::partner_org(&db, "Brokerbase", "olav@brokerbase.example").await;
        assert!(matches!(
            edit::rename(&db, &w.cfg, &olav, other, "SOLOSL", "Mine").await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            edit::rename(&db, &w.cfg, &olav, w.partner, "SOLOSL", "Mine").await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            edit::logo(&db, &olav, other, "SOLOSL").await,
            Err(AppError::NotFound)
        ));
        let max = testing::member(&db, w.partner, "max@acme.example", Role::Member).await;
        assert!(matches!(
            edit::rename(&db, &w.cfg, &max, w.partner, "SOLOSL", "Mine").await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            edit::rename(&db, &w.cfg, &w.anna, w.partner, "SOLBER", "Mine").await,
            Err(AppError::NotFound)
        ));
        let (fjord, ingrid) = testing::customer_org(&db, "Fjord", "ingrid@fjord.example").await;
        assert!(matches!(
            edit::rename(&db, &w.cfg, &ingrid, fjord, "SOLOSL", "Mine").await,
            Err(AppError::NotFound)
        ));
        let seen = customer::detail(&db, &w.kari, w.customer, "SOLOSL")
            .await
            .unwrap();
        assert_eq!(seen.unit.name, "x".repeat(40));
        assert_eq!(
            seen.history
                .iter()
                .filter(|e| e.kind == HistoryKind::Renamed)
                .count(),
            1
        );
        assert!(seen.logo_url.is_none());
    })
    .await;
}
