//! Service tests of credentials and access decisions, on SQLite and PostgreSQL.
use super::*;
use crate::dto::{AccessReason, Environment, GrantChange, GrantFilters, OrgKind, Role};
use crate::error::AppError;
use crate::server::entities::{access_key, installation, product};
use crate::server::testing::{actor, config, each_db, org_with_member};
use crate::server::Config;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

const CATALOG: &str = r#"{"functions": [
  {"key": "estates.read", "name": "Read estate", "area": "Estates", "method": "GET", "path": "/estates/{id}",
   "filters": [{"key": "status", "label": "Estate status", "values": ["for_sale", "sold"]}]},
  {"key": "bids.read", "name": "Read bid", "area": "Bids", "method": "GET", "path": "/bids/{id}"}
]}"#;

struct World {
    cfg: Config,
    partner: i32,
    anna: Actor,
    product: product::Model,
    customer: i32,
    kari: Actor,
}

/// Acme's product, version 1 (estates.read for sale) active on SOLOSL; SOLBER has nothing.
async fn world(db: &DatabaseConnection) -> World {
    let cfg = Config {
        env: Environment::Production,
        ..config()
    };
    catalog::import(db, CATALOG).await.unwrap();
    let (partner, anna) = org_with_member(
        db,
        OrgKind::Partner,
        "Acme",
        "anna@acme.example",
        Role::Admin,
    )
    .await;
    let (customer, kari) = org_with_member(
        db,
        OrgKind::Customer,
        "Solheim",
        "kari@solheim.example",
        Role::Admin,
    )
    .await;
    bootstrap::ensure_installation(db, customer, "SOLOSL", "Oslo", false)
        .await
        .unwrap();
    bootstrap::ensure_installation(db, customer, "SOLBER", "Bergen", false)
        .await
        .unwrap();
    let input = products::ProductInput {
        name: "Acme Feed".into(),
        kind: "rights".into(),
        ..Default::default()
    };
    let id = products::create_product(db, &cfg, &anna, partner, input)
        .await
        .unwrap()
        .id;
    let mut filters = GrantFilters::new();
    filters.insert("status".into(), vec!["for_sale".into()]);
    let change = GrantChange {
        function_key: "estates.read".into(),
        required: true,
        filters,
    };
    versions::save_grants(db, &cfg, &anna, partner, id, 1, vec![change])
        .await
        .unwrap();
    versions::activate(db, &anna, partner, id, None)
        .await
        .unwrap();
    suppliers::activate(db, &kari, customer, "SOLOSL", id, 1)
        .await
        .unwrap();
    let product = product::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    World {
        cfg,
        partner,
        anna,
        product,
        customer,
        kari,
    }
}

/// The operator organization and its admin Olav.
async fn operator(db: &DatabaseConnection) -> (i32, Actor) {
    org_with_member(
        db,
        OrgKind::Operator,
        "Operator",
        "olav@operator.example",
        Role::Admin,
    )
    .await
}

#[tokio::test]
async fn keys_rotate_are_hashed_and_revoke_at_once() {
    each_db(|db| async move {
        let w = world(&db).await;
        let k1 = credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product.id)
            .await
            .unwrap();
        let k2 = credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product.id)
            .await
            .unwrap();
        assert_eq!((k1.slot, k2.slot), (1, 2));
        assert!(k1.secret.len() >= 47, "256 bits of randomness");
        let third = credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product.id).await;
        assert!(matches!(third, Err(AppError::Conflict(_))));
        // Only keyed hashes are stored.
        for k in access_key::Entity::find().all(&db).await.unwrap() {
            assert!(
                !k.secret_hash.contains(&k1.secret[4..])
                    && !k.secret_hash.contains(&k2.secret[4..])
            );
        }
        // Both keys work, so a partner can switch without downtime.
        for k in [&k1, &k2] {
            let p = credentials::authenticate(&db, &w.cfg, &k.client_id, &k.secret)
                .await
                .unwrap();
            assert_eq!(p.map(|p| p.id), Some(w.product.id));
        }
        let listed = credentials::credentials(&db, &w.anna, w.partner, w.product.id)
            .await
            .unwrap();
        assert!(
            listed.keys.iter().all(|k| k.last_used_at.is_some()),
            "last used is recorded"
        );
        // Revoking key 1 refuses it at once; key 2 still works; slot 1 can be reused.
        let key1 = listed.keys.iter().find(|k| k.slot == 1).unwrap().id;
        credentials::revoke_key(&db, &w.anna, w.partner, w.product.id, key1)
            .await
            .unwrap();
        assert!(
            credentials::authenticate(&db, &w.cfg, &k1.client_id, &k1.secret)
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            credentials::authenticate(&db, &w.cfg, &k2.client_id, &k2.secret)
                .await
                .unwrap()
                .is_some()
        );
        assert_eq!(
            credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product.id)
                .await
                .unwrap()
                .slot,
            1
        );
        // Wrong secrets, unknown clients and another server key are refused.
        assert!(
            credentials::authenticate(&db, &w.cfg, &k2.client_id, "psk_wrong")
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            credentials::authenticate(&db, &w.cfg, "pc_unknown", &k2.secret)
                .await
                .unwrap()
                .is_none()
        );
        let other_key = Config {
            secret_key: crate::server::secrets::SecretKey::new(
                "another server key of enough length",
            ),
            ..w.cfg.clone()
        };
        assert!(
            credentials::authenticate(&db, &other_key, &k2.client_id, &k2.secret)
                .await
                .unwrap()
                .is_none()
        );
    })
    .await;
}

#[tokio::test]
async fn only_partner_admins_manage_keys_of_their_own_products() {
    each_db(|db| async move {
        let w = world(&db).await;
        bootstrap::ensure_member(&db, w.partner, "max@acme.example", "", Role::Member)
            .await
            .unwrap();
        let max = actor(&db, "max@acme.example").await;
        assert_eq!(
            credentials::create_key(&db, &w.cfg, &max, w.partner, w.product.id)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        assert!(
            credentials::credentials(&db, &max, w.partner, w.product.id)
                .await
                .is_ok(),
            "members may look"
        );
        let (other, eve) = org_with_member(
            &db,
            OrgKind::Partner,
            "Evil",
            "eve@evil.example",
            Role::Admin,
        )
        .await;
        assert_eq!(
            credentials::create_key(&db, &w.cfg, &eve, other, w.product.id)
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            credentials::credentials(&db, &eve, w.partner, w.product.id)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            credentials::revoke_key(&db, &eve, other, w.product.id, 1)
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            credentials::create_key(&db, &w.cfg, &w.kari, w.customer, w.product.id)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
    })
    .await;
}

#[tokio::test]
async fn every_reason_code() {
    each_db(|db| async move {
        let w = world(&db).await;
        let d = access::check(&db, &w.product, "solosl", "estates.read")
            .await
            .unwrap();
        assert_eq!(
            (d.allowed, d.reason, d.version),
            (true, AccessReason::Granted, Some(1))
        );
        assert_eq!(d.filters.get("status"), Some(&vec!["for_sale".to_string()]));
        let d = access::check(&db, &w.product, "SOLOSL", "bids.read")
            .await
            .unwrap();
        assert_eq!(
            (d.allowed, d.reason),
            (false, AccessReason::FunctionNotGranted)
        );
        let d = access::check(&db, &w.product, "SOLOSL", "no.such.function")
            .await
            .unwrap();
        assert_eq!(d.reason, AccessReason::FunctionNotGranted);
        let d = access::check(&db, &w.product, "SOLBER", "estates.read")
            .await
            .unwrap();
        assert_eq!(
            (d.allowed, d.reason, d.version),
            (false, AccessReason::NotActivated, None)
        );
        let d = access::check(&db, &w.product, "NOPE", "estates.read")
            .await
            .unwrap();
        assert_eq!(d.reason, AccessReason::InstallationUnknown);
        // Deactivating the product on the installation ends access.
        suppliers::deactivate(&db, &w.kari, w.customer, "SOLOSL", w.product.id)
            .await
            .unwrap();
        assert_eq!(
            access::check(&db, &w.product, "SOLOSL", "estates.read")
                .await
                .unwrap()
                .reason,
            AccessReason::NotActivated
        );
        suppliers::activate(&db, &w.kari, w.customer, "SOLOSL", w.product.id, 1)
            .await
            .unwrap();
        // A deactivated installation answers "installation unknown".
        installation::Entity::update_many()
            .col_expr(installation::Column::Status, Expr::value("deactivated"))
            .filter(installation::Column::InstallationId.eq("SOLOSL"))
            .exec(&db)
            .await
            .unwrap();
        assert_eq!(
            access::check(&db, &w.product, "SOLOSL", "estates.read")
                .await
                .unwrap()
                .reason,
            AccessReason::InstallationUnknown
        );
    })
    .await;
}

#[tokio::test]
async fn decisions_follow_the_activated_version_and_switch_at_upgrade() {
    each_db(|db| async move {
        let w = world(&db).await;
        versions::new_version(&db, &w.anna, w.partner, w.product.id)
            .await
            .unwrap();
        let add = GrantChange {
            function_key: "bids.read".into(),
            required: true,
            filters: GrantFilters::new(),
        };
        versions::save_grants(&db, &w.cfg, &w.anna, w.partner, w.product.id, 2, vec![add])
            .await
            .unwrap();
        versions::activate(&db, &w.anna, w.partner, w.product.id, None)
            .await
            .unwrap();
        // Pending: the installation still runs version 1.
        let d = access::check(&db, &w.product, "SOLOSL", "bids.read")
            .await
            .unwrap();
        assert_eq!(
            (d.reason, d.version),
            (AccessReason::FunctionNotGranted, Some(1))
        );
        suppliers::upgrade(&db, &w.kari, w.customer, "SOLOSL", w.product.id, 2)
            .await
            .unwrap();
        let d = access::check(&db, &w.product, "SOLOSL", "bids.read")
            .await
            .unwrap();
        assert_eq!((d.reason, d.version), (AccessReason::Granted, Some(2)));
        let methods = access::methods(&db, &w.product, "SOLOSL")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            methods
                .iter()
                .map(|m| m.function.as_str())
                .collect::<Vec<_>>(),
            vec!["bids.read", "estates.read"]
        );
        assert_eq!(
            access::methods(&db, &w.product, "SOLBER")
                .await
                .unwrap()
                .err(),
            Some(AccessReason::NotActivated)
        );
    })
    .await;
}

#[tokio::test]
async fn another_partners_credential_is_not_activated_on_this_installation() {
    each_db(|db| async move {
        let w = world(&db).await;
        let (other, eve) = org_with_member(
            &db,
            OrgKind::Partner,
            "Evil",
            "eve@evil.example",
            Role::Admin,
        )
        .await;
        let input = products::ProductInput {
            name: "Evil Scraper".into(),
            kind: "rights".into(),
            ..Default::default()
        };
        let id = products::create_product(&db, &w.cfg, &eve, other, input)
            .await
            .unwrap()
            .id;
        let add = GrantChange {
            function_key: "estates.read".into(),
            required: true,
            filters: GrantFilters::new(),
        };
        versions::save_grants(&db, &w.cfg, &eve, other, id, 1, vec![add])
            .await
            .unwrap();
        versions::activate(&db, &eve, other, id, None)
            .await
            .unwrap();
        let key = credentials::create_key(&db, &w.cfg, &eve, other, id)
            .await
            .unwrap();
        let evil = credentials::authenticate(&db, &w.cfg, &key.client_id, &key.secret)
            .await
            .unwrap()
            .unwrap();
        let d = access::check(&db, &evil, "SOLOSL", "estates.read")
            .await
            .unwrap();
        assert_eq!((d.allowed, d.reason), (false, AccessReason::NotActivated));
    })
    .await;
}

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
        let d = access::check(&db, &w.product, "SOLBER", "bids.read")
            .await
            .unwrap();
        assert_eq!(
            (d.allowed, d.reason, d.version, d.legacy),
            (true, AccessReason::Granted, None, true)
        );
        let d = access::check(&db, &w.product, "SOLBER", "estates.read")
            .await
            .unwrap();
        assert_eq!(d.reason, AccessReason::NotActivated);
        let methods = access::methods(&db, &w.product, "SOLBER")
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
        let (_, eve) = org_with_member(
            &db,
            OrgKind::Partner,
            "Evil",
            "eve@evil.example",
            Role::Admin,
        )
        .await;
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
        let d = access::check(&db, &w.product, "SOLBER", "bids.read")
            .await
            .unwrap();
        assert_eq!((d.allowed, d.reason), (false, AccessReason::NotActivated));
    })
    .await;
}

/// The cached decision for `function` on SOLOSL with key `k`, or `None` when refused (401).
async fn decide(
    db: &DatabaseConnection,
    cfg: &Config,
    cache: &access_cache::AccessCache,
    k: &crate::dto::NewAccessKey,
    function: &str,
) -> Option<AccessReason> {
    let epoch = cache.epoch(db).await.unwrap();
    let p = cache
        .authenticate(db, cfg, epoch, &k.client_id, &k.secret)
        .await
        .unwrap()?;
    let access = cache
        .installation_access(db, epoch, &p, "SOLOSL")
        .await
        .unwrap();
    Some(access.decide(p.id, function).reason)
}

#[tokio::test]
async fn the_cache_follows_every_change_at_once() {
    each_db(|db| async move {
        let w = world(&db).await;
        let cache = access_cache::AccessCache::default();
        let k1 = credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product.id)
            .await
            .unwrap();
        assert_eq!(
            decide(&db, &w.cfg, &cache, &k1, "estates.read").await,
            Some(AccessReason::Granted)
        );
        assert_eq!(
            decide(&db, &w.cfg, &cache, &k1, "bids.read").await,
            Some(AccessReason::FunctionNotGranted)
        );
        // "Last used" was written, and writing it does not move the epoch.
        let before = cache.epoch(&db).await.unwrap();
        credentials::record_use(&db, 1, crate::server::services::now())
            .await
            .unwrap();
        assert_eq!(cache.epoch(&db).await.unwrap(), before);
        // An upgrade changes the cached answer at once.
        versions::new_version(&db, &w.anna, w.partner, w.product.id)
            .await
            .unwrap();
        let add = GrantChange {
            function_key: "bids.read".into(),
            required: true,
            filters: GrantFilters::new(),
        };
        versions::save_grants(&db, &w.cfg, &w.anna, w.partner, w.product.id, 2, vec![add])
            .await
            .unwrap();
        versions::activate(&db, &w.anna, w.partner, w.product.id, None)
            .await
            .unwrap();
        assert_eq!(
            decide(&db, &w.cfg, &cache, &k1, "bids.read").await,
            Some(AccessReason::FunctionNotGranted),
            "pending upgrade"
        );
        suppliers::upgrade(&db, &w.kari, w.customer, "SOLOSL", w.product.id, 2)
            .await
            .unwrap();
        assert_eq!(
            decide(&db, &w.cfg, &cache, &k1, "bids.read").await,
            Some(AccessReason::Granted)
        );
        // A change made behind the services' back (plain SQL) counts too: the triggers see it.
        installation::Entity::update_many()
            .col_expr(installation::Column::Status, Expr::value("deactivated"))
            .filter(installation::Column::InstallationId.eq("SOLOSL"))
            .exec(&db)
            .await
            .unwrap();
        assert_eq!(
            decide(&db, &w.cfg, &cache, &k1, "bids.read").await,
            Some(AccessReason::InstallationUnknown)
        );
        // A revoked key is refused at once.
        let key_id = credentials::credentials(&db, &w.anna, w.partner, w.product.id)
            .await
            .unwrap()
            .keys[0]
            .id;
        credentials::revoke_key(&db, &w.anna, w.partner, w.product.id, key_id)
            .await
            .unwrap();
        assert_eq!(decide(&db, &w.cfg, &cache, &k1, "bids.read").await, None);
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
            access::check(&db, &p, "SOLOSL", "estates.read")
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
            orgs::require_member(&db, &w.kari, w.customer).await.err(),
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
        orgs::set_installation_active(&db, &olav, ops, inst.id, false)
            .await
            .unwrap();
        assert_eq!(
            reason(db.clone(), w.product.clone()).await,
            AccessReason::InstallationUnknown
        );
        orgs::set_installation_active(&db, &olav, ops, inst.id, true)
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
