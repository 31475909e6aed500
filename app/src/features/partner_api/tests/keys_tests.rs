//! Partner API keys: admins create at most two, each shown once and stored only as a keyed
//! hash; a key authenticates as its partner alone, `read` keys are members and `read_write`
//! keys admins of it; revoked keys, wrong secrets and deactivated partners are refused; a key
//! never manages keys.
use crate::error::AppError;
use crate::features::partner_api::service::keys;
use crate::glossary::{ActiveStatus, KeyAccess, Role};
use crate::server::entities::{organization, partner_api_key};
use crate::server::scope::{require_partner, require_partner_admin};
use crate::server::testing::{self, each_db};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

#[tokio::test]
async fn keys_are_shown_once_limited_to_two_and_act_for_their_partner_only() {
    each_db(|db| async move {
        let cfg = testing::config();
        let (acme, anna) = testing::partner_org(&db, "Acme Apps AS", "anna@acme.example").await;
        let (other, olga) = testing::partner_org(&db, "Other AS", "olga@other.example").await;
        let member = testing::member(&db, acme, "max@acme.example", Role::Member).await;

        // Only admins create, with a known access.
        let refused = keys::create(&db, &cfg, &member, acme, "read").await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
        let refused = keys::create(&db, &cfg, &olga, acme, "read").await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
        let bad = keys::create(&db, &cfg, &anna, acme, "admin").await;
        assert!(matches!(bad, Err(AppError::Invalid(_))), "{bad:?}");

        let read = keys::create(&db, &cfg, &anna, acme, "read").await.unwrap();
        let write = keys::create(&db, &cfg, &anna, acme, "read_write")
            .await
            .unwrap();
        assert_eq!((read.slot, write.slot), (1, 2));
        assert!(read.key_id.starts_with("pk_") && read.key_id.len() == 27);
        assert!(read.secret.starts_with("pks_") && read.secret.len() == 47);
        let third = keys::create(&db, &cfg, &anna, acme, "read").await;
        assert!(matches!(third, Err(AppError::Conflict(_))), "{third:?}");
        // Only the hash is stored.
        let stored = partner_api_key::Entity::find().all(&db).await.unwrap();
        assert!(stored
            .iter()
            .all(|k| !k.secret_hash.contains(&read.secret[4..]) && k.secret_hash != read.secret));

        // The list: any member of the partner, never its secrets; another partner refused.
        let view = keys::list(&db, &member, acme).await.unwrap();
        assert_eq!(view.keys.len(), 2);
        assert!(!view.can_manage);
        assert!(keys::list(&db, &olga, acme).await.is_err());

        // A key is a member (read) or admin (read_write) of its own partner only.
        let r = keys::authenticate(&db, &cfg, &read.key_id, &read.secret, None)
            .await
            .unwrap()
            .expect("the read key authenticates");
        let w = keys::authenticate(&db, &cfg, &write.key_id, &write.secret, None)
            .await
            .unwrap()
            .expect("the write key authenticates");
        assert_eq!(r.key.unwrap().access, KeyAccess::Read);
        assert_eq!(
            require_partner(&db, &r, acme).await.unwrap().1,
            Role::Member
        );
        assert!(require_partner_admin(&db, &r, acme).await.is_err());
        assert!(require_partner_admin(&db, &w, acme).await.is_ok());
        assert!(matches!(
            require_partner(&db, &w, other).await,
            Err(AppError::Forbidden)
        ));
        assert_eq!(keys::whoami(&db, &w).await.unwrap().partner_id, acme);
        assert!(
            keys::whoami(&db, &anna).await.is_err(),
            "people have no key"
        );
        // "Last used" is written.
        let used = partner_api_key::Entity::find().all(&db).await.unwrap();
        assert!(used.iter().all(|k| k.last_used_at.is_some()));

        // Wrong secrets and someone else's key ID are refused.
        for (id, secret) in [
            (&read.key_id, &write.secret),
            (&write.key_id, &read.secret),
            (&"pk_unknownunknownunknown0".to_string(), &read.secret),
        ] {
            assert!(keys::authenticate(&db, &cfg, id, secret, None)
                .await
                .unwrap()
                .is_none());
        }

        // A key never manages keys, even a read and write one.
        assert!(matches!(
            keys::create(&db, &cfg, &w, acme, "read").await,
            Err(AppError::NotSignedIn)
        ));
        let first = view.keys.iter().find(|k| k.slot == 1).unwrap().id;
        assert!(keys::revoke(&db, &w, acme, first).await.is_err());
        assert!(keys::revoke(&db, &olga, acme, first).await.is_err());
        assert!(keys::revoke(&db, &olga, other, first).await.is_err());

        // Revoked: refused at once; its slot is free again; revoking twice is a clear conflict.
        keys::revoke(&db, &anna, acme, first).await.unwrap();
        assert!(
            keys::authenticate(&db, &cfg, &read.key_id, &read.secret, None)
                .await
                .unwrap()
                .is_none()
        );
        assert!(matches!(
            keys::revoke(&db, &anna, acme, first).await,
            Err(AppError::Conflict(_))
        ));
        let again = keys::create(&db, &cfg, &anna, acme, "read").await.unwrap();
        assert_eq!(again.slot, 1);

        // A deactivated partner's keys are refused.
        let org = organization::Entity::find_by_id(acme)
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let mut m: organization::ActiveModel = org.into();
        m.status = Set(ActiveStatus::Deactivated);
        m.update(&db).await.unwrap();
        assert!(
            keys::authenticate(&db, &cfg, &write.key_id, &write.secret, None)
                .await
                .unwrap()
                .is_none()
        );
        assert!(require_partner(&db, &w, acme).await.is_err());
    })
    .await;
}
