//! Access decisions from the database and from the cache: every reason code, the activated
//! version, other partners' credentials, and a cache that follows every change.
use super::common::world;
use crate::error::AppError;
use crate::features::access::dto::AccessReason;
use crate::features::access::service::cache::AccessCache;
use crate::features::access::service::decisions;
use crate::features::activations::service::activation;
use crate::features::products::dto::{GrantChange, GrantFilters, NewAccessKey};
use crate::features::products::service::{credentials, grants, products, versions};
use crate::server::entities::installation;
use crate::server::testing::{each_db, partner_org};
use crate::server::Config;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

#[tokio::test]
async fn every_reason_code() {
    each_db(|db| async move {
        let w = world(&db).await;
        let d = decisions::check(&db, &w.product, "solosl", "estates.read")
            .await
            .unwrap();
        assert_eq!(
            (d.allowed, d.reason, d.version),
            (true, AccessReason::Granted, Some(1))
        );
        assert_eq!(d.filters.get("status"), Some(&vec!["for_sale".to_string()]));
        let d = decisions::check(&db, &w.product, "SOLOSL", "bids.read")
            .await
            .unwrap();
        assert_eq!(
            (d.allowed, d.reason),
            (false, AccessReason::FunctionNotGranted)
        );
        let d = decisions::check(&db, &w.product, "SOLOSL", "no.such.function")
            .await
            .unwrap();
        assert_eq!(d.reason, AccessReason::FunctionNotGranted);
        let d = decisions::check(&db, &w.product, "SOLBER", "estates.read")
            .await
            .unwrap();
        assert_eq!(
            (d.allowed, d.reason, d.version),
            (false, AccessReason::NotActivated, None)
        );
        let d = decisions::check(&db, &w.product, "NOPE", "estates.read")
            .await
            .unwrap();
        assert_eq!(d.reason, AccessReason::InstallationUnknown);
        // Deactivating the product on the installation ends access.
        activation::deactivate(&db, &w.kari, w.customer, "SOLOSL", w.product.id)
            .await
            .unwrap();
        assert_eq!(
            decisions::check(&db, &w.product, "SOLOSL", "estates.read")
                .await
                .unwrap()
                .reason,
            AccessReason::NotActivated
        );
        activation::activate(&db, &w.kari, w.customer, "SOLOSL", w.product.id, 1)
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
            decisions::check(&db, &w.product, "SOLOSL", "estates.read")
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
        grants::save_grants(&db, &w.cfg, &w.anna, w.partner, w.product.id, 2, vec![add])
            .await
            .unwrap();
        versions::activate(&db, &w.anna, w.partner, w.product.id, None)
            .await
            .unwrap();
        // Pending: the installation still runs version 1.
        let d = decisions::check(&db, &w.product, "SOLOSL", "bids.read")
            .await
            .unwrap();
        assert_eq!(
            (d.reason, d.version),
            (AccessReason::FunctionNotGranted, Some(1))
        );
        activation::upgrade(&db, &w.kari, w.customer, "SOLOSL", w.product.id, 2)
            .await
            .unwrap();
        let d = decisions::check(&db, &w.product, "SOLOSL", "bids.read")
            .await
            .unwrap();
        assert_eq!((d.reason, d.version), (AccessReason::Granted, Some(2)));
        let methods = decisions::methods(&db, &w.product, "SOLOSL")
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
            decisions::methods(&db, &w.product, "SOLBER")
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
        let (other, eve) = partner_org(&db, "Evil", "eve@evil.example").await;
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
        grants::save_grants(&db, &w.cfg, &eve, other, id, 1, vec![add])
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
        let d = decisions::check(&db, &evil, "SOLOSL", "estates.read")
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
    cache: &AccessCache,
    k: &NewAccessKey,
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
        let cache = AccessCache::default();
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
        credentials::record_use(&db, 1, crate::server::clock::now())
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
        grants::save_grants(&db, &w.cfg, &w.anna, w.partner, w.product.id, 2, vec![add])
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
        activation::upgrade(&db, &w.kari, w.customer, "SOLOSL", w.product.id, 2)
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
async fn unreadable_stored_values_refuse() {
    use crate::features::products::service::detail;
    use crate::server::entities::{activation, organization, version_grant};
    each_db(|db| async move {
        let w = world(&db).await;
        let check = || decisions::check(&db, &w.product, "SOLOSL", "estates.read");
        assert!(check().await.unwrap().allowed);
        // A filter list that cannot be read is no grant, not "no restriction".
        version_grant::Entity::update_many()
            .col_expr(
                version_grant::Column::Filters,
                Expr::value("{\"status\": [oops"),
            )
            .exec(&db)
            .await
            .unwrap();
        let d = check().await.unwrap();
        assert_eq!(
            (d.allowed, d.reason),
            (false, AccessReason::FunctionNotGranted)
        );
        assert!(d.filters.is_empty());
        // Pages that would show the grant refuse too, rather than showing it unrestricted.
        assert_eq!(
            detail::product_detail(&db, &w.cfg, &w.anna, w.partner, w.product.id)
                .await
                .err(),
            Some(AppError::Internal)
        );
        version_grant::Entity::update_many()
            .col_expr(version_grant::Column::Filters, Expr::value("{}"))
            .exec(&db)
            .await
            .unwrap();
        assert!(check().await.unwrap().allowed);
        // An activation whose status is no known status is not active.
        activation::Entity::update_many()
            .col_expr(activation::Column::Status, Expr::value("paused"))
            .exec(&db)
            .await
            .unwrap();
        let d = check().await.unwrap();
        assert_eq!((d.allowed, d.reason), (false, AccessReason::NotActivated));
        activation::Entity::update_many()
            .col_expr(activation::Column::Status, Expr::value("active"))
            .exec(&db)
            .await
            .unwrap();
        // A customer whose status is no known status is not active: its installations are
        // unknown to access checks (never an answer of yes).
        organization::Entity::update_many()
            .col_expr(organization::Column::Status, Expr::value("suspended"))
            .filter(organization::Column::Id.eq(w.customer))
            .exec(&db)
            .await
            .unwrap();
        let d = check().await.unwrap();
        assert_eq!(
            (d.allowed, d.reason),
            (false, AccessReason::InstallationUnknown)
        );
    })
    .await;
}
