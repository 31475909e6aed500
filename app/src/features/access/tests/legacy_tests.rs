//! Legacy grants, and the operator deactivating customers, installations and partners.
use super::common::world;
use crate::error::AppError;
use crate::features::access::dto::AccessReason;
use crate::features::access::service::{decisions, legacy};
use crate::features::accounts::service::{installations, orgs};
use crate::features::products::service::credentials;
use crate::server::entities::{installation, product};
use crate::server::scope::require_member;
use crate::server::testing::{each_db, operator, partner_org};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

#[tokio::test]
async fn legacy_grants_count_as_granted_until_removed() {
    each_db(|db| async move {
        let w = world(&db).await;
        let (ops, olav) = operator(&db).await;
        // Only the operator records legacy grants, and only valid ones.
        assert_eq!(
            legacy::add(
                &db,
                &w.anna,
                w.partner,
                w.partner,
                "SOLBER",
                "bids.read",
                ""
            )
            .await
            .err(),
            Some(AppError::Forbidden)
        );
        for (inst, func) in [
            ("SOLBER", "no.such"),
            ("NOPE", "bids.read"),
            ("S", "bids.read"),
        ] {
            let r = legacy::add(&db, &olav, ops, w.partner, inst, func, "").await;
            assert!(
                matches!(r, Err(AppError::Invalid(_))),
                "{inst} {func}: {r:?}"
            );
        }
        legacy::add(
            &db,
            &olav,
            ops,
            w.partner,
            "solber",
            "bids.read",
            "Agreement 17",
        )
        .await
        .unwrap();
        let again = legacy::add(&db, &olav, ops, w.partner, "SOLBER", "bids.read", "").await;
        assert!(matches!(again, Err(AppError::Conflict(_))));
        // Granted on an installation where the product is not activated, and marked legacy.
        let d = decisions::check(&db, &w.product, "SOLBER", "bids.read")
            .await
            .unwrap();
        assert_eq!(
            (d.allowed, d.reason, d.version, d.legacy),
            (true, AccessReason::Granted, None, true)
        );
        let d = decisions::check(&db, &w.product, "SOLBER", "estates.read")
            .await
            .unwrap();
        assert_eq!(d.reason, AccessReason::NotActivated);
        let methods = decisions::methods(&db, &w.product, "SOLBER")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(methods.len(), 1);
        assert!(methods[0].legacy);
        // The partner sees it; another partner's member does not.
        let listed = legacy::list(&db, &w.anna, w.partner).await.unwrap();
        assert_eq!(
            (
                listed.len(),
                listed[0].installation_id.as_str(),
                listed[0].note.as_str()
            ),
            (1, "SOLBER", "Agreement 17")
        );
        let (_, eve) = partner_org(&db, "Evil", "eve@evil.example").await;
        assert_eq!(
            legacy::list(&db, &eve, w.partner).await.err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            legacy::list(&db, &w.kari, w.customer).await.err(),
            Some(AppError::Forbidden)
        );
        // Removed: refused at once.
        assert_eq!(
            legacy::remove(&db, &w.anna, w.partner, listed[0].id)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        legacy::remove(&db, &olav, ops, listed[0].id).await.unwrap();
        let d = decisions::check(&db, &w.product, "SOLBER", "bids.read")
            .await
            .unwrap();
        assert_eq!((d.allowed, d.reason), (false, AccessReason::NotActivated));
    })
    .await;
}

#[tokio::test]
async fn the_operator_deactivates_customers_installations_and_partners() {
    each_db(|db| async move {
        let w = world(&db).await;
        let (ops, olav) = operator(&db).await;
        let key = credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product.id)
            .await
            .unwrap();
        let reason = |db: DatabaseConnection, p: product::Model| async move {
            decisions::check(&db, &p, "SOLOSL", "estates.read")
                .await
                .unwrap()
                .reason
        };
        // Only operator admins, and never the operator itself.
        assert_eq!(
            orgs::set_organization_active(&db, &w.kari, w.customer, w.customer, false)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        assert!(matches!(
            orgs::set_organization_active(&db, &olav, ops, ops, false).await,
            Err(AppError::Invalid(_))
        ));
        orgs::set_organization_active(&db, &olav, ops, w.customer, false)
            .await
            .unwrap();
        assert_eq!(
            reason(db.clone(), w.product.clone()).await,
            AccessReason::InstallationUnknown
        );
        assert_eq!(
            require_member(&db, &w.kari, w.customer).await.err(),
            Some(AppError::Forbidden),
            "members can no longer act as it"
        );
        orgs::set_organization_active(&db, &olav, ops, w.customer, true)
            .await
            .unwrap();
        assert_eq!(
            reason(db.clone(), w.product.clone()).await,
            AccessReason::Granted
        );
        let inst = installation::Entity::find()
            .filter(installation::Column::InstallationId.eq("SOLOSL"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        installations::set_installation_active(&db, &olav, ops, inst.id, false)
            .await
            .unwrap();
        assert_eq!(
            reason(db.clone(), w.product.clone()).await,
            AccessReason::InstallationUnknown
        );
        installations::set_installation_active(&db, &olav, ops, inst.id, true)
            .await
            .unwrap();
        // A deactivated partner's credentials are refused.
        orgs::set_organization_active(&db, &olav, ops, w.partner, false)
            .await
            .unwrap();
        assert!(
            credentials::authenticate(&db, &w.cfg, &key.client_id, &key.secret)
                .await
                .unwrap()
                .is_none()
        );
    })
    .await;
}
