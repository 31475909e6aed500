//! Service tests of the catalog, products, versions and rule 3, on SQLite and PostgreSQL.
use super::*;
use crate::dto::{Environment, GrantChange, GrantFilters, OrgKind, Role};
use crate::error::AppError;
use crate::server::entities::{api_function, upgrade_notification, version_grant};
use crate::server::testing::{config, each_db, org_with_member};
use crate::server::Config;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

const CATALOG: &str = r#"{"functions": [
  {"key": "estates.read", "name": "Read estate", "area": "Estates", "method": "GET", "path": "/estates/{id}",
   "push": {"event_types": ["estate.changed"]},
   "filters": [{"key": "status", "label": "Estate status", "values": ["for_sale", "sold"]},
               {"key": "department_ids", "label": "Only departments", "free_text": true}]},
  {"key": "estates.list", "name": "List estates", "area": "Estates", "method": "GET", "path": "/estates"},
  {"key": "contacts.read", "name": "Read contact", "area": "Contacts", "method": "GET", "path": "/contacts/{id}"}
]}"#;

fn env(e: Environment) -> Config {
    Config { env: e, ..config() }
}

fn req(key: &str) -> GrantChange {
    GrantChange {
        function_key: key.into(),
        required: true,
        filters: GrantFilters::new(),
    }
}

fn drop(key: &str) -> GrantChange {
    GrantChange {
        function_key: key.into(),
        required: false,
        filters: GrantFilters::new(),
    }
}

/// A partner (admin anna) with one product, plus the catalog, a sandbox and a customer
/// installation. Returns (partner org, anna, product id).
async fn setup(db: &DatabaseConnection, cfg: &Config) -> (i32, Actor, i32) {
    catalog::import(db, CATALOG).await.unwrap();
    let (partner, anna) = org_with_member(
        db,
        OrgKind::Partner,
        "Acme Integrations",
        "anna@acme.example",
        Role::Admin,
    )
    .await;
    let sandbox = bootstrap::ensure_organization(db, OrgKind::Customer, "Partner Sandbox", None)
        .await
        .unwrap();
    bootstrap::ensure_installation(db, sandbox.id, "MSVPAR", "Sandbox", true)
        .await
        .unwrap();
    let solheim = bootstrap::ensure_organization(db, OrgKind::Customer, "Solheim", None)
        .await
        .unwrap();
    bootstrap::ensure_installation(db, solheim.id, "SOLOSL", "Solheim Oslo", false)
        .await
        .unwrap();
    let input = products::ProductInput {
        name: "Acme Viewing Sync".into(),
        kind: "order_integration".into(),
        ..Default::default()
    };
    let id = products::create_product(db, cfg, &anna, partner, input)
        .await
        .unwrap()
        .id;
    (partner, anna, id)
}

#[tokio::test]
async fn catalog_import_is_validated_and_all_or_nothing() {
    each_db(|db| async move {
        let bad = r#"{"functions": [
          {"key": "ok.read", "name": "Ok", "area": "A", "method": "GET", "path": "/ok"},
          {"key": "Bad Key", "name": "", "area": "A", "method": "FETCH", "path": "nope"}
        ]}"#;
        let err = catalog::import(&db, bad).await.unwrap_err();
        let AppError::Invalid(msg) = err else {
            panic!("expected Invalid, got {err:?}")
        };
        assert!(msg.contains("Entry 2 (Bad Key): key must be"), "{msg}");
        assert!(msg.contains("method must be one of"), "{msg}");
        assert_eq!(
            api_function::Entity::find().count(&db).await.unwrap(),
            0,
            "nothing imported"
        );
        assert!(matches!(
            catalog::import(&db, "not json").await,
            Err(AppError::Invalid(_))
        ));

        let r = catalog::import(&db, CATALOG).await.unwrap();
        assert_eq!((r.created, r.updated, r.unchanged), (3, 0, 0));
        let r = catalog::import(&db, CATALOG).await.unwrap();
        assert_eq!((r.created, r.updated, r.unchanged), (0, 0, 3));
        let r = catalog::import(&db, &CATALOG.replace("Read contact", "Read one contact"))
            .await
            .unwrap();
        assert_eq!((r.created, r.updated, r.unchanged), (0, 1, 2));
    })
    .await;
}

#[tokio::test]
async fn the_shipped_catalog_is_realistic() {
    let db = crate::server::testing::sqlite().await;
    let json = include_str!("../../../../catalog/real-estate.json");
    let r = catalog::import(&db, json).await.unwrap();
    assert!(r.created >= 150, "{} functions", r.created);
    let all = catalog::all(&db).await.unwrap();
    let areas: std::collections::HashSet<_> = all.iter().map(|f| f.area.clone()).collect();
    assert!(areas.len() >= 12, "{} areas", areas.len());
    let push = all.iter().filter(|f| f.push_event_types != "[]").count();
    assert!(
        push * 100 / all.len() >= 15 && push * 100 / all.len() <= 30,
        "{push} of {} push-capable",
        all.len()
    );
}

#[tokio::test]
async fn a_new_product_has_an_empty_draft_and_a_unique_name() {
    each_db(|db| async move {
        let cfg = env(Environment::Dev);
        let (partner, anna, id) = setup(&db, &cfg).await;
        let page = products::product_detail(&db, &config(), &anna, partner, id)
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
        assert_eq!(page.product.status, "draft");
        assert_eq!(page.product.access_mode, crate::dto::AccessMode::All);
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
        let cfg = env(Environment::Test);
        let (partner, anna, id) = setup(&db, &cfg).await;
        let page = products::product_detail(&db, &config(), &anna, partner, id)
            .await
            .unwrap();
        assert_eq!(page.product.access_mode, crate::dto::AccessMode::Listed);
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
        let (partner, anna, id) = setup(&db, &env(Environment::Dev)).await;
        let err = products::set_access(&db, &anna, partner, id, "listed", "SOLOSL, NOPE1")
            .await
            .unwrap_err();
        assert_eq!(
            err,
            AppError::Invalid(
                "Unknown installation ID: NOPE1. Check the IDs with the customer.".into()
            )
        );
        assert!(matches!(
            products::set_access(&db, &anna, partner, id, "listed", " ").await,
            Err(AppError::Invalid(_))
        ));
        assert!(matches!(
            products::set_access(&db, &anna, partner, id, "some", "").await,
            Err(AppError::Invalid(_))
        ));
        let listed = products::set_access(&db, &anna, partner, id, "listed", "solosl\nMSVPAR")
            .await
            .unwrap();
        assert_eq!(
            listed.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
            vec!["Sandbox", "Solheim Oslo"]
        );
        assert!(products::set_access(&db, &anna, partner, id, "all", "")
            .await
            .unwrap()
            .is_empty());
    })
    .await;
}

#[tokio::test]
async fn saving_functions_is_atomic_and_validated() {
    each_db(|db| async move {
        let cfg = env(Environment::Dev);
        let (partner, anna, id) = setup(&db, &cfg).await;
        // One unknown function spoils the whole save.
        let err = versions::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![req("estates.list"), req("nope.read")],
        )
        .await;
        assert!(matches!(err, Err(AppError::Invalid(_))));
        assert_eq!(version_grant::Entity::find().count(&db).await.unwrap(), 0);
        // A filter value that is not in the dimension's list is refused.
        let mut bad = req("estates.read");
        bad.filters.insert("status".into(), vec!["stolen".into()]);
        assert!(matches!(
            versions::save_grants(&db, &cfg, &anna, partner, id, 1, vec![bad]).await,
            Err(AppError::Invalid(_))
        ));

        let mut with_filter = req("estates.read");
        with_filter
            .filters
            .insert("status".into(), vec!["sold".into()]);
        with_filter
            .filters
            .insert("department_ids".into(), vec![" 12 ".into(), "".into()]);
        let r = versions::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![with_filter, req("estates.list")],
        )
        .await
        .unwrap();
        assert_eq!((r.added.len(), r.removed.len(), r.changed.len()), (2, 0, 0));
        let mut wider = req("estates.read");
        wider
            .filters
            .insert("status".into(), vec!["sold".into(), "for_sale".into()]);
        let r = versions::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![wider, drop("estates.list"), req("contacts.read")],
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
        let page = products::product_detail(&db, &config(), &anna, partner, id)
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
            versions::save_grants(&db, &cfg, &anna, partner, id, 7, vec![req("estates.list")])
                .await,
            Err(AppError::Conflict(_))
        ));
    })
    .await;
}

#[tokio::test]
async fn an_activated_version_is_read_only_outside_test_unless_only_the_sandbox_has_it() {
    each_db(|db| async move {
        let cfg = env(Environment::Production);
        let (partner, anna, id) = setup(&db, &cfg).await;
        assert!(
            matches!(
                versions::activate(&db, &anna, partner, id, None).await,
                Err(AppError::Invalid(_))
            ),
            "needs a function"
        );
        versions::save_grants(&db, &cfg, &anna, partner, id, 1, vec![req("estates.list")])
            .await
            .unwrap();
        versions::activate(&db, &anna, partner, id, None)
            .await
            .unwrap();
        // Only the sandbox has it: the active version can still change in place.
        versions::record_activation(&db, "MSVPAR", id, None)
            .await
            .unwrap();
        versions::save_grants(&db, &cfg, &anna, partner, id, 1, vec![req("contacts.read")])
            .await
            .unwrap();
        // A customer installation activates it: adding, removing or changing is refused.
        versions::record_activation(&db, "SOLOSL", id, None)
            .await
            .unwrap();
        let picker = versions::picker(&db, &cfg, &anna, partner, id)
            .await
            .unwrap();
        assert!(picker
            .locked_reason
            .as_deref()
            .unwrap_or("")
            .contains("Create a new version"));
        for change in [req("estates.read"), drop("contacts.read")] {
            let err = versions::save_grants(&db, &cfg, &anna, partner, id, 1, vec![change]).await;
            assert!(matches!(err, Err(AppError::Conflict(_))), "{err:?}");
        }
        assert_eq!(
            version_grant::Entity::find().count(&db).await.unwrap(),
            2,
            "nothing changed"
        );
        // The test environment allows it.
        let test_cfg = env(Environment::Test);
        versions::save_grants(
            &db,
            &test_cfg,
            &anna,
            partner,
            id,
            1,
            vec![req("estates.read")],
        )
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn activating_a_new_version_supersedes_the_old_and_queues_notifications() {
    each_db(|db| async move {
        let cfg = env(Environment::Production);
        let (partner, anna, id) = setup(&db, &cfg).await;
        versions::save_grants(&db, &cfg, &anna, partner, id, 1, vec![req("estates.list")])
            .await
            .unwrap();
        versions::activate(&db, &anna, partner, id, None)
            .await
            .unwrap();
        versions::record_activation(&db, "SOLOSL", id, None)
            .await
            .unwrap();
        versions::record_activation(&db, "MSVPAR", id, None)
            .await
            .unwrap();
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
        let picker = versions::picker(&db, &cfg, &anna, partner, id)
            .await
            .unwrap();
        assert_eq!(
            (
                picker.version,
                picker.locked_reason.clone(),
                picker.grants.len()
            ),
            (2, None, 1)
        );
        versions::save_grants(&db, &cfg, &anna, partner, id, 2, vec![req("contacts.read")])
            .await
            .unwrap();
        // Only admins activate.
        bootstrap::ensure_member(&db, partner, "max@acme.example", "", Role::Member)
            .await
            .unwrap();
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
        let page = products::product_detail(&db, &config(), &anna, partner, id)
            .await
            .unwrap();
        let states: Vec<(i32, &str, u64)> = page
            .versions
            .iter()
            .map(|v| (v.number, v.state.as_str(), v.installations))
            .collect();
        assert_eq!(states, vec![(2, "active", 0), (1, "superseded", 2)]);
        assert_eq!(page.versions[0].note.as_deref(), Some("Adds contacts."));
        assert_eq!(page.product.status, "active");
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
        let page = products::product_detail(&db, &config(), &anna, partner, id)
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
            products::product_detail(&db, &config(), &anna, partner, id)
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
        let cfg = env(Environment::Dev);
        let (partner, _anna, id) = setup(&db, &cfg).await;
        let (other, eve) = org_with_member(
            &db,
            OrgKind::Partner,
            "Evil Corp",
            "eve@evil.example",
            Role::Admin,
        )
        .await;
        let (customer, kari) = org_with_member(
            &db,
            OrgKind::Customer,
            "Solheim",
            "kari@solheim.example",
            Role::Admin,
        )
        .await;
        // Acting as their own partner, the product is not theirs.
        assert_eq!(
            products::product_detail(&db, &config(), &eve, other, id)
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            versions::picker(&db, &cfg, &eve, other, id).await.err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            versions::save_grants(&db, &cfg, &eve, other, id, 1, vec![req("estates.list")])
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
            products::set_access(&db, &eve, other, id, "all", "")
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
            products::product_detail(&db, &config(), &eve, partner, id)
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
        let cfg = env(Environment::Dev);
        let (partner, anna, id) = setup(&db, &cfg).await;
        bootstrap::ensure_member(&db, partner, "max@acme.example", "", Role::Member)
            .await
            .unwrap();
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
