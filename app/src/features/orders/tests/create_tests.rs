//! Orders the platform posts: only for an order integration product activated on the
//! installation, with well-formed fields; a refusal stores nothing.
use super::world;
use crate::error::AppError;
use crate::features::orders::service::create;
use crate::glossary::OrderStatus;
use crate::server::entities::order;
use crate::server::scope::Actor;
use crate::server::testing::{each_db, new_order};
use sea_orm::EntityTrait;

#[tokio::test]
async fn orders_only_for_an_activated_order_integration_product() {
    each_db(|db| async move {
        let w = world(&db).await;
        let platform = Actor::service("platform");
        let refused = |input| {
            let (db, platform) = (db.clone(), platform.clone());
            async move {
                match create::create(&db, &platform, input).await {
                    Err(AppError::Invalid(m)) => m,
                    other => panic!("expected a refusal, got {other:?}"),
                }
            }
        };
        let m = refused(new_order("SOLOSL", w.product, "42")).await;
        assert!(m.contains("rights product"), "{m}");
        let m = refused(new_order("SOLBER", w.showings.id, "42")).await;
        assert!(m.contains("not activated"), "{m}");
        let m = refused(new_order("NOSUCH", w.showings.id, "42")).await;
        assert!(m.contains("no active installation"), "{m}");
        let m = refused(new_order("SOLOSL", 9999, "42")).await;
        assert!(m.contains("no product"), "{m}");
        let mut odd = new_order("SOLOSL", w.showings.id, "42");
        odd.object_type = "spaceship".into();
        assert!(refused(odd).await.contains("spaceship"));
        let mut bad = new_order("SOLOSL", w.showings.id, "42 OR 1=1");
        assert!(refused(bad.clone()).await.contains("object.id"));
        bad.object_id = "42".into();
        bad.ordered_by_email = "not an address".into();
        assert!(refused(bad.clone()).await.contains("email"));
        bad.ordered_by_email = "eva@solheim.example".into();
        bad.data = serde_json::json!([1, 2]);
        assert!(refused(bad).await.contains("JSON object"));
        // Nothing was stored by the refusals; the good one is open, with its first step.
        assert!(order::Entity::find().all(&db).await.unwrap().is_empty());
        let o = super::post(&db, &w, "42").await;
        assert_eq!(o.status, OrderStatus::Open);
        assert!(o.public_id.starts_with("ord_"));
    })
    .await;
}
