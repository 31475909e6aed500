//! Rule 12: an order integration product's object-scoped functions only for ordered objects,
//! from the database and from the cache; rights products and installation-wide functions as
//! before.
use crate::features::access::dto::{AccessReason, ObjectRef};
use crate::features::access::service::cache::AccessCache;
use crate::features::access::service::decisions::check_about;
use crate::features::orders::service::status;
use crate::glossary::{Environment, OrderParty, OrderStatus};
use crate::server::entities::{order, product};
use crate::server::testing::{self, each_db, grant, World};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

/// Acme's rights product (estates.read and estates.list) and its order integration product
/// (the same functions), both active on SOLOSL.
struct OrderWorld {
    base: World,
    rights: product::Model,
    showings: product::Model,
}

impl std::ops::Deref for OrderWorld {
    type Target = World;
    fn deref(&self) -> &World {
        &self.base
    }
}

async fn world(db: &DatabaseConnection) -> OrderWorld {
    let grants = vec![grant("estates.read", &[]), grant("estates.list", &[])];
    let base = testing::world(db, Environment::Production, grants).await;
    let showings = testing::order_product(db, &base).await;
    let rights = product::Entity::find_by_id(base.product)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    OrderWorld {
        base,
        rights,
        showings,
    }
}

async fn post(db: &DatabaseConnection, w: &OrderWorld, estate: &str) -> order::Model {
    testing::post_order(db, w.showings.id, estate).await
}

fn estate(id: &str) -> ObjectRef {
    ObjectRef {
        object_type: "estate".into(),
        id: id.into(),
    }
}

#[tokio::test]
async fn object_scoped_functions_follow_the_orders() {
    each_db(|db| async move {
        let w = world(&db).await;
        let ask = |function: &'static str, object: Option<ObjectRef>| {
            let (db, cfg, p) = (db.clone(), w.cfg.clone(), w.showings.clone());
            async move {
                let d = check_about(&db, &cfg, &p, "SOLOSL", function, object.as_ref())
                    .await
                    .unwrap();
                (d.allowed, d.reason)
            }
        };
        // No object named, another kind of object named, no order yet.
        assert_eq!(
            ask("estates.read", None).await,
            (false, AccessReason::ObjectRequired)
        );
        let contact = ObjectRef {
            object_type: "contact".into(),
            id: "42".into(),
        };
        assert_eq!(
            ask("estates.read", Some(contact)).await,
            (false, AccessReason::ObjectRequired)
        );
        assert_eq!(
            ask("estates.read", Some(estate("42"))).await,
            (false, AccessReason::NoOrder)
        );
        // Installation-wide functions need no order, and the rights product is as before.
        assert_eq!(
            ask("estates.list", None).await,
            (true, AccessReason::Granted)
        );
        let d = check_about(&db, &w.cfg, &w.rights, "SOLOSL", "estates.read", None)
            .await
            .unwrap();
        assert_eq!(
            (d.allowed, d.reason, d.object_type),
            (true, AccessReason::Granted, None)
        );

        // An order for estate 42: that estate only.
        let o = post(&db, &w, "42").await;
        let d = check_about(
            &db,
            &w.cfg,
            &w.showings,
            "SOLOSL",
            "estates.read",
            Some(&estate("42")),
        )
        .await
        .unwrap();
        assert_eq!(
            (d.allowed, d.reason, d.object_type.as_deref()),
            (true, AccessReason::Granted, Some("estate"))
        );
        assert_eq!(
            ask("estates.read", Some(estate("43"))).await,
            (false, AccessReason::NoOrder)
        );
        // Not on SOLBER, where the product is not activated.
        let d = check_about(
            &db,
            &w.cfg,
            &w.showings,
            "SOLBER",
            "estates.read",
            Some(&estate("42")),
        )
        .await
        .unwrap();
        assert_eq!(d.reason, AccessReason::NotActivated);

        // Accepted, then completed: still allowed within the grace period...
        let o = status::apply(
            &db,
            &w.anna,
            OrderParty::Partner,
            o,
            OrderStatus::Accepted,
            "",
        )
        .await
        .unwrap();
        let o = status::apply(
            &db,
            &w.anna,
            OrderParty::Partner,
            o,
            OrderStatus::Completed,
            "",
        )
        .await
        .unwrap();
        assert_eq!(
            ask("estates.read", Some(estate("42"))).await,
            (true, AccessReason::Granted)
        );
        // ... and refused once it has passed.
        let long_ago = chrono::Utc::now() - chrono::Duration::days(31);
        order::Entity::update_many()
            .col_expr(order::Column::CompletedAt, Expr::value(Some(long_ago)))
            .filter(order::Column::Id.eq(o.id))
            .exec(&db)
            .await
            .unwrap();
        assert_eq!(
            ask("estates.read", Some(estate("42"))).await,
            (false, AccessReason::NoOrder)
        );

        // A cancelled order gives nothing; a declined one neither.
        let o = post(&db, &w, "77").await;
        status::customer_cancel(&db, &w.kari, w.customer, &o.public_id, "")
            .await
            .unwrap();
        assert_eq!(
            ask("estates.read", Some(estate("77"))).await,
            (false, AccessReason::NoOrder)
        );
        let o = post(&db, &w, "78").await;
        status::apply(
            &db,
            &w.anna,
            OrderParty::Partner,
            o,
            OrderStatus::Declined,
            "Not in our area.",
        )
        .await
        .unwrap();
        assert_eq!(
            ask("estates.read", Some(estate("78"))).await,
            (false, AccessReason::NoOrder)
        );
    })
    .await;
}

#[tokio::test]
async fn bad_stored_orders_refuse() {
    each_db(|db| async move {
        let w = world(&db).await;
        let o = post(&db, &w, "42").await;
        // A status Portico does not know: no access (rule 13), and no error for the gateway.
        db.execute_unprepared(&format!(
            "UPDATE orders SET status = 'bogus' WHERE id = {}",
            o.id
        ))
        .await
        .unwrap();
        let d = check_about(
            &db,
            &w.cfg,
            &w.showings,
            "SOLOSL",
            "estates.read",
            Some(&estate("42")),
        )
        .await
        .unwrap();
        assert_eq!((d.allowed, d.reason), (false, AccessReason::NoOrder));
        // A completed order without its completion time gives nothing either.
        let o = post(&db, &w, "43").await;
        db.execute_unprepared(&format!(
            "UPDATE orders SET status = 'completed', completed_at = NULL WHERE id = {}",
            o.id
        ))
        .await
        .unwrap();
        let d = check_about(
            &db,
            &w.cfg,
            &w.showings,
            "SOLOSL",
            "estates.read",
            Some(&estate("43")),
        )
        .await
        .unwrap();
        assert_eq!(d.reason, AccessReason::NoOrder);
    })
    .await;
}

#[tokio::test]
async fn the_cache_follows_every_order_change() {
    each_db(|db| async move {
        let w = world(&db).await;
        let cache = AccessCache::default();
        let ask = |id: &'static str| {
            let (db, cfg, p, cache) = (db.clone(), w.cfg.clone(), w.showings.clone(), &cache);
            async move {
                let epoch = cache.epoch(&db).await.unwrap();
                cache
                    .decide(
                        &db,
                        &cfg,
                        epoch,
                        &p,
                        "SOLOSL",
                        "estates.read",
                        Some(&estate(id)),
                    )
                    .await
                    .unwrap()
                    .reason
            }
        };
        assert_eq!(ask("42").await, AccessReason::NoOrder);
        let before = cache.epoch(&db).await.unwrap();
        let o = post(&db, &w, "42").await;
        let after = cache.epoch(&db).await.unwrap();
        // An order moves the order epoch only: the decisions per installation stay cached.
        assert_eq!(after.access, before.access);
        assert!(after.orders > before.orders);
        assert_eq!(ask("42").await, AccessReason::Granted);
        status::apply(
            &db,
            &w.anna,
            OrderParty::Partner,
            o,
            OrderStatus::Declined,
            "No.",
        )
        .await
        .unwrap();
        assert_eq!(ask("42").await, AccessReason::NoOrder);
    })
    .await;
}
