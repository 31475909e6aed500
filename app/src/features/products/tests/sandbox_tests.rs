//! "Request activation in the partner sandbox": the sandbox's admins are asked once per version,
//! with a link to the sandbox's supplier panel; refusals say why.
use super::setup::setup;
use crate::error::AppError;
use crate::features::products::service::{grants, sandbox, versions};
use crate::glossary::{ActiveStatus, Role};
use crate::server::clock::now;
use crate::server::entities::{activation, installation, notification, product_version as pv};
use crate::server::testing::{actor, config, each_db, grant, member, partner_org};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

fn refused_with(r: Result<i32, AppError>, text: &str) -> bool {
    matches!(r, Err(AppError::Conflict(ref m)) if m.contains(text))
}

#[tokio::test]
async fn the_sandbox_admins_are_asked_once_per_version() {
    each_db(|db| async move {
        let cfg = config();
        let (partner, anna, product) = setup(&db, &cfg).await;
        assert!(refused_with(
            sandbox::request(&db, &cfg, &anna, partner, product).await,
            "Activate a version first"
        ));
        grants::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            product,
            1,
            vec![grant("estates.list", &[])],
        )
        .await
        .unwrap();
        versions::activate(&db, &anna, partner, product, None)
            .await
            .unwrap();
        // A member may not ask, nor another partner; neither leaves a trace.
        let max = member(&db, partner, "max@acme.example", Role::Member).await;
        assert_eq!(
            sandbox::request(&db, &cfg, &max, partner, product).await,
            Err(AppError::Forbidden)
        );
        let (evil, eve) = partner_org(&db, "Evil", "eve@evil.example").await;
        assert_eq!(
            sandbox::request(&db, &cfg, &eve, evil, product).await,
            Err(AppError::NotFound)
        );

        assert_eq!(
            sandbox::request(&db, &cfg, &anna, partner, product).await,
            Ok(1)
        );
        let ops = actor(&db, "ops@sandbox.example").await;
        let told = notification::Entity::find()
            .filter(notification::Column::UserId.eq(ops.user_id.unwrap()))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(told.len(), 1);
        assert_eq!(
            told[0].title,
            "Acme Integrations asks you to activate Acme Viewing Sync in the partner sandbox"
        );
        assert_eq!(told[0].body, "Review version 1 and activate it on MSVPAR.");
        assert!(
            told[0]
                .link
                .ends_with(&format!("/suppliers?installation=MSVPAR&product={product}")),
            "{}",
            told[0].link
        );
        assert!(refused_with(
            sandbox::request(&db, &cfg, &anna, partner, product).await,
            "already requested"
        ));

        // Once it runs in the sandbox, asking says so.
        let sandbox = installation::Entity::find()
            .filter(installation::Column::IsSandbox.eq(true))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let v1 = pv::Entity::find()
            .filter(pv::Column::ProductId.eq(product))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        activation::ActiveModel {
            installation_id: Set(sandbox.id),
            product_id: Set(product),
            version_id: Set(v1.id),
            status: Set(ActiveStatus::Active),
            activated_by: Set(ops.user_id),
            activated_at: Set(now()),
            updated_at: Set(now()),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
        assert!(refused_with(
            sandbox::request(&db, &cfg, &anna, partner, product).await,
            "already runs in the partner sandbox (MSVPAR)"
        ));
    })
    .await;
}
