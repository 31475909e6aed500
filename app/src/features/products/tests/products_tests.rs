//! Products: creating, naming, listing, access rules.
use super::setup::setup;
use crate::error::AppError;
use crate::features::products::service::{access_rules, detail, products};
use crate::glossary::Environment;
use crate::server::testing::{config, config_for, each_db};

#[tokio::test]
async fn a_new_product_has_an_empty_draft_and_a_unique_name() {
    each_db(|db| async move {
        let cfg = config_for(Environment::Dev);
        let (partner, anna, id) = setup(&db, &cfg).await;
        let page = detail::product_detail(&db, &config(), &anna, partner, id)
            .await
            .unwrap();
        assert_eq!(
            (
                page.current_version,
                page.current_state.as_str(),
                page.grants.len()
            ),
            (1, "draft", 0)
        );
        assert_eq!(page.product.status.as_str(), "draft");
        assert_eq!(page.product.access_mode, crate::glossary::AccessMode::All);
        let dup = products::ProductInput {
            name: "acme viewing SYNC".into(),
            kind: "rights".into(),
            ..Default::default()
        };
        assert!(matches!(
            products::create_product(&db, &cfg, &anna, partner, dup).await,
            Err(AppError::Conflict(_))
        ));
        let bad_kind = products::ProductInput {
            name: "Something".into(),
            kind: "magic".into(),
            ..Default::default()
        };
        assert!(matches!(
            products::create_product(&db, &cfg, &anna, partner, bad_kind).await,
            Err(AppError::Invalid(_))
        ));
        let bad_url = products::ProductInput {
            name: "Something".into(),
            kind: "rights".into(),
            support_url: Some("javascript:alert(1)".into()),
            ..Default::default()
        };
        assert!(matches!(
            products::create_product(&db, &cfg, &anna, partner, bad_url).await,
            Err(AppError::Invalid(_))
        ));
        let generic = products::ProductInput {
            name: "CRM Sync".into(),
            kind: "rights".into(),
            ..Default::default()
        };
        let created = products::create_product(&db, &cfg, &anna, partner, generic)
            .await
            .unwrap();
        assert_eq!(created.warnings.len(), 1);
        assert!(
            created.warnings[0].contains("Acme CRM Sync"),
            "{:?}",
            created.warnings
        );
        let listed = products::list_products(&db, &anna, partner, "viewing", "")
            .await
            .unwrap();
        assert_eq!(
            listed.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            vec!["Acme Viewing Sync"]
        );
        assert_eq!(
            products::list_products(&db, &anna, partner, "", "active")
                .await
                .unwrap()
                .len(),
            0
        );
    })
    .await;
}

#[tokio::test]
async fn in_the_test_environment_new_products_start_restricted_to_the_sandbox() {
    each_db(|db| async move {
        let cfg = config_for(Environment::Test);
        let (partner, anna, id) = setup(&db, &cfg).await;
        let page = detail::product_detail(&db, &config(), &anna, partner, id)
            .await
            .unwrap();
        assert_eq!(
            page.product.access_mode,
            crate::glossary::AccessMode::Listed
        );
        assert_eq!(
            page.access
                .iter()
                .map(|a| a.installation_id.as_str())
                .collect::<Vec<_>>(),
            vec!["MSVPAR"]
        );
    })
    .await;
}

#[tokio::test]
async fn access_lists_are_validated_against_known_installations() {
    each_db(|db| async move {
        let (partner, anna, id) = setup(&db, &config_for(Environment::Dev)).await;
        let err = access_rules::set_access(&db, &anna, partner, id, "listed", "SOLOSL, NOPE1")
            .await
            .unwrap_err();
        assert_eq!(
            err,
            AppError::Invalid(
                "Unknown installation ID: NOPE1. Check the IDs with the customer.".into()
            )
        );
        assert!(matches!(
            access_rules::set_access(&db, &anna, partner, id, "listed", " ").await,
            Err(AppError::Invalid(_))
        ));
        assert!(matches!(
            access_rules::set_access(&db, &anna, partner, id, "some", "").await,
            Err(AppError::Invalid(_))
        ));
        let listed = access_rules::set_access(&db, &anna, partner, id, "listed", "solosl\nMSVPAR")
            .await
            .unwrap();
        assert_eq!(
            listed.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
            vec!["Sandbox", "Solheim Oslo"]
        );
        assert!(access_rules::set_access(&db, &anna, partner, id, "all", "")
            .await
            .unwrap()
            .is_empty());
    })
    .await;
}
