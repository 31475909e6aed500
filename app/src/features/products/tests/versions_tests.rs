//! Versions and grants: "Save changes", rule 3, "New version", activation and its queue,
//! and isolation between partners.
use super::setup::setup;
use crate::error::AppError;
use crate::features::products::service::{access_rules, detail, grants, products, versions};
use crate::glossary::{Environment, Role};
use crate::server::entities::{upgrade_notification, version_grant};
use crate::server::testing::{
    activate, config, config_for, customer_org, each_db, grant, member, partner_org, ungrant,
};
use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test]
async fn saving_functions_is_atomic_and_validated() {
    each_db(|db| async move {
        let cfg = config_for(Environment::Dev);
        let (partner, anna, id) = setup(&db, &cfg).await;
        // One unknown function spoils the whole save.
        let err = grants::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![grant("estates.list", &[]), grant("nope.read", &[])],
        )
        .await;
        assert!(matches!(err, Err(AppError::Invalid(_))));
        assert_eq!(version_grant::Entity::find().count(&db).await.unwrap(), 0);
        // A filter value that is not in the dimension's list is refused.
        let mut bad = grant("estates.read", &[]);
        bad.filters.insert("status".into(), vec!["stolen".into()]);
        assert!(matches!(
            grants::save_grants(&db, &cfg, &anna, partner, id, 1, vec![bad]).await,
            Err(AppError::Invalid(_))
        ));

        let mut with_filter = grant("estates.read", &[]);
        with_filter
            .filters
            .insert("status".into(), vec!["sold".into()]);
        with_filter
            .filters
            .insert("department_ids".into(), vec![" 12 ".into(), "".into()]);
        let r = grants::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![with_filter, grant("estates.list", &[])],
        )
        .await
        .unwrap();
        assert_eq!((r.added.len(), r.removed.len(), r.changed.len()), (2, 0, 0));
        let mut wider = grant("estates.read", &[]);
        wider
            .filters
            .insert("status".into(), vec!["sold".into(), "for_sale".into()]);
        let r = grants::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![wider, ungrant("estates.list"), grant("contacts.read", &[])],
        )
        .await
        .unwrap();
        assert_eq!(
            (r.added, r.removed, r.changed),
            (
                vec!["contacts.read".to_string()],
                vec!["estates.list".to_string()],
                vec!["estates.read".to_string()]
            )
        );
        let page = detail::product_detail(&db, &config(), &anna, partner, id)
            .await
            .unwrap();
        let estate = page
            .grants
            .iter()
            .find(|g| g.key == "estates.read")
            .unwrap();
        assert_eq!(
            estate.filters,
            vec!["Estate status: for_sale, sold".to_string()]
        );
        // A stale picker (opened on another version) is refused.
        assert!(matches!(
            grants::save_grants(
                &db,
                &cfg,
                &anna,
                partner,
                id,
                7,
                vec![grant("estates.list", &[])]
            )
            .await,
            Err(AppError::Conflict(_))
        ));
    })
    .await;
}

#[tokio::test]
async fn an_activated_version_is_read_only_outside_test_unless_only_the_sandbox_has_it() {
    each_db(|db| async move {
        let cfg = config_for(Environment::Production);
        let (partner, anna, id) = setup(&db, &cfg).await;
        assert!(
            matches!(
                versions::activate(&db, &anna, partner, id, None).await,
                Err(AppError::Invalid(_))
            ),
            "needs a function"
        );
        grants::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![grant("estates.list", &[])],
        )
        .await
        .unwrap();
        versions::activate(&db, &anna, partner, id, None)
            .await
            .unwrap();
        // Only the sandbox has it: the active version can still change in place.
        activate(&db, "MSVPAR", id).await;
        grants::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![grant("contacts.read", &[])],
        )
        .await
        .unwrap();
        // A customer installation activates it: adding, removing or changing is refused.
        activate(&db, "SOLOSL", id).await;
        let picker = grants::picker(&db, &cfg, &anna, partner, id).await.unwrap();
        assert!(picker
            .locked_reason
            .as_deref()
            .unwrap_or("")
            .contains("Create a new version"));
        for change in [grant("estates.read", &[]), ungrant("contacts.read")] {
            let err = grants::save_grants(&db, &cfg, &anna, partner, id, 1, vec![change]).await;
            assert!(matches!(err, Err(AppError::Conflict(_))), "{err:?}");
        }
        assert_eq!(
            version_grant::Entity::find().count(&db).await.unwrap(),
            2,
            "nothing changed"
        );
        // The test environment allows it.
        let test_cfg = config_for(Environment::Test);
        grants::save_grants(
            &db,
            &test_cfg,
            &anna,
            partner,
            id,
            1,
            vec![grant("estates.read", &[])],
        )
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn activating_a_new_version_supersedes_the_old_and_queues_notifications() {
    each_db(|db| async move {
        let cfg = config_for(Environment::Production);
        let (partner, anna, id) = setup(&db, &cfg).await;
        grants::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![grant("estates.list", &[])],
        )
        .await
        .unwrap();
        versions::activate(&db, &anna, partner, id, None)
            .await
            .unwrap();
        activate(&db, "SOLOSL", id).await;
        activate(&db, "MSVPAR", id).await;
        assert_eq!(
            versions::new_version(&db, &anna, partner, id)
                .await
                .unwrap(),
            2
        );
        assert!(matches!(
            versions::new_version(&db, &anna, partner, id).await,
            Err(AppError::Conflict(_))
        ));
        // The draft starts as a copy and can change freely.
        let picker = grants::picker(&db, &cfg, &anna, partner, id).await.unwrap();
        assert_eq!(
            (
                picker.version,
                picker.locked_reason.clone(),
                picker.grants.len()
            ),
            (2, None, 1)
        );
        grants::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            2,
            vec![grant("contacts.read", &[])],
        )
        .await
        .unwrap();
        // Only admins activate.
        member(&db, partner, "max@acme.example", Role::Member).await;
        let max = crate::server::testing::actor(&db, "max@acme.example").await;
        assert_eq!(
            versions::activate(&db, &max, partner, id, None).await,
            Err(AppError::Forbidden)
        );
        assert_eq!(
            versions::activate(&db, &anna, partner, id, Some("Adds contacts.".into()))
                .await
                .unwrap(),
            2
        );
        let page = detail::product_detail(&db, &config(), &anna, partner, id)
            .await
            .unwrap();
        let states: Vec<(i32, &str, u64)> = page
            .versions
            .iter()
            .map(|v| (v.number, v.state.as_str(), v.installations))
            .collect();
        assert_eq!(states, vec![(2, "active", 0), (1, "superseded", 2)]);
        assert_eq!(page.versions[0].note.as_deref(), Some("Adds contacts."));
        assert_eq!(page.product.status.as_str(), "active");
        assert_eq!(
            upgrade_notification::Entity::find()
                .count(&db)
                .await
                .unwrap(),
            2,
            "one per installation on version 1"
        );
        // Editing fields needs no new version (rule 2).
        let input = products::ProductInput {
            name: "Acme Viewing Sync Pro".into(),
            kind: "order_integration".into(),
            description: "Now with contacts.".into(),
            ..Default::default()
        };
        products::update_product(&db, &anna, partner, id, input)
            .await
            .unwrap();
        let page = detail::product_detail(&db, &config(), &anna, partner, id)
            .await
            .unwrap();
        assert_eq!(
            (page.product.name.as_str(), page.versions.len()),
            ("Acme Viewing Sync Pro", 2)
        );
        // A draft can be discarded; the only version cannot.
        versions::new_version(&db, &anna, partner, id)
            .await
            .unwrap();
        versions::discard_draft(&db, &anna, partner, id)
            .await
            .unwrap();
        assert_eq!(
            detail::product_detail(&db, &config(), &anna, partner, id)
                .await
                .unwrap()
                .versions
                .len(),
            2
        );
    })
    .await;
}

#[tokio::test]
async fn another_partner_or_a_customer_cannot_see_or_change_the_product() {
    each_db(|db| async move {
        let cfg = config_for(Environment::Dev);
        let (partner, _anna, id) = setup(&db, &cfg).await;
        let (other, eve) = partner_org(&db, "Evil Corp", "eve@evil.example").await;
        let (customer, kari) = customer_org(&db, "Solheim", "kari@solheim.example").await;
        // Acting as their own partner, the product is not theirs.
        assert_eq!(
            detail::product_detail(&db, &config(), &eve, other, id)
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            grants::picker(&db, &cfg, &eve, other, id).await.err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            grants::save_grants(
                &db,
                &cfg,
                &eve,
                other,
                id,
                1,
                vec![grant("estates.list", &[])]
            )
            .await
            .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            versions::activate(&db, &eve, other, id, None).await.err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            versions::new_version(&db, &eve, other, id).await.err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            access_rules::set_access(&db, &eve, other, id, "all", "")
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            products::retire_product(&db, &eve, other, id).await.err(),
            Some(AppError::NotFound)
        );
        // Claiming to act as the product's partner is refused outright.
        assert_eq!(
            detail::product_detail(&db, &config(), &eve, partner, id)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            products::list_products(&db, &eve, partner, "", "")
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        // Customers have no product workshop.
        assert_eq!(
            products::list_products(&db, &kari, customer, "", "")
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        let input = products::ProductInput {
            name: "Sneaky".into(),
            kind: "rights".into(),
            ..Default::default()
        };
        assert_eq!(
            products::create_product(&db, &cfg, &kari, customer, input)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
    })
    .await;
}

#[tokio::test]
async fn retiring_keeps_activations_and_needs_an_admin() {
    each_db(|db| async move {
        let cfg = config_for(Environment::Dev);
        let (partner, anna, id) = setup(&db, &cfg).await;
        member(&db, partner, "max@acme.example", Role::Member).await;
        let max = crate::server::testing::actor(&db, "max@acme.example").await;
        assert_eq!(
            products::retire_product(&db, &max, partner, id).await,
            Err(AppError::Forbidden)
        );
        products::retire_product(&db, &anna, partner, id)
            .await
            .unwrap();
        assert_eq!(
            products::list_products(&db, &anna, partner, "", "retired")
                .await
                .unwrap()
                .len(),
            1
        );
    })
    .await;
}
