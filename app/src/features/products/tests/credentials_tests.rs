//! Product credentials (rule 8): two access keys, hashed, rotated, revoked at once; only a
//! partner's admins manage them.
use crate::error::AppError;
use crate::features::products::service::credentials;
use crate::glossary::{Environment, Role};
use crate::server::entities::access_key;
use crate::server::testing::{actor, each_db, grant, member, partner_org, World};
use crate::server::Config;
use sea_orm::{DatabaseConnection, EntityTrait};

/// Acme's rights product, version 1 (estates.read for sale) active on SOLOSL, in production.
async fn world(db: &DatabaseConnection) -> World {
    crate::server::testing::world(
        db,
        Environment::Production,
        vec![grant("estates.read", &["for_sale"])],
    )
    .await
}

#[tokio::test]
async fn keys_rotate_are_hashed_and_revoke_at_once() {
    each_db(|db| async move {
        let w = world(&db).await;
        let k1 = credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product)
            .await
            .unwrap();
        let k2 = credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product)
            .await
            .unwrap();
        assert_eq!((k1.slot, k2.slot), (1, 2));
        assert!(k1.secret.len() >= 47, "256 bits of randomness");
        let third = credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product).await;
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
            assert_eq!(p.map(|p| p.id), Some(w.product));
        }
        let listed = credentials::credentials(&db, &w.anna, w.partner, w.product)
            .await
            .unwrap();
        assert!(
            listed.keys.iter().all(|k| k.last_used_at.is_some()),
            "last used is recorded"
        );
        // Revoking key 1 refuses it at once; key 2 still works; slot 1 can be reused.
        let key1 = listed.keys.iter().find(|k| k.slot == 1).unwrap().id;
        credentials::revoke_key(&db, &w.anna, w.partner, w.product, key1)
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
            credentials::create_key(&db, &w.cfg, &w.anna, w.partner, w.product)
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
        member(&db, w.partner, "max@acme.example", Role::Member).await;
        let max = actor(&db, "max@acme.example").await;
        assert_eq!(
            credentials::create_key(&db, &w.cfg, &max, w.partner, w.product)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        assert!(
            credentials::credentials(&db, &max, w.partner, w.product)
                .await
                .is_ok(),
            "members may look"
        );
        let (other, eve) = partner_org(&db, "Evil", "eve@evil.example").await;
        assert_eq!(
            credentials::create_key(&db, &w.cfg, &eve, other, w.product)
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            credentials::credentials(&db, &eve, w.partner, w.product)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
        assert_eq!(
            credentials::revoke_key(&db, &eve, other, w.product, 1)
                .await
                .err(),
            Some(AppError::NotFound)
        );
        assert_eq!(
            credentials::create_key(&db, &w.cfg, &w.kari, w.customer, w.product)
                .await
                .err(),
            Some(AppError::Forbidden)
        );
    })
    .await;
}

/// `server create-access-key`: the operator's command line makes a working key for any product,
/// in the partner's audit log as `cli`; an unknown product is refused.
#[tokio::test]
async fn the_command_line_creates_a_key_for_any_product() {
    use crate::server::entities::audit_entry;
    use sea_orm::{ColumnTrait, QueryFilter};
    each_db(|db| async move {
        let w = world(&db).await;
        let k = credentials::create_key_from_cli(&db, &w.cfg, w.product)
            .await
            .unwrap();
        let p = credentials::authenticate(&db, &w.cfg, &k.client_id, &k.secret)
            .await
            .unwrap();
        assert_eq!(p.map(|p| p.id), Some(w.product));
        let entry = audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("credentials.key_created"))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (entry.actor.as_str(), entry.organization_id),
            ("cli", Some(w.partner))
        );
        assert!(!entry.details.contains(&k.secret[4..]));
        let unknown = credentials::create_key_from_cli(&db, &w.cfg, w.product + 1000).await;
        assert!(matches!(unknown, Err(AppError::NotFound)));
    })
    .await;
}
