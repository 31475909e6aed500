//! The catalog's service tests, on SQLite and PostgreSQL.
use crate::error::AppError;
use crate::features::catalog;
use crate::server::entities::api_function;
use crate::server::testing::{each_db, CATALOG};
use sea_orm::{EntityTrait, PaginatorTrait};

#[tokio::test]
async fn catalog_import_is_validated_and_all_or_nothing() {
    each_db(|db| async move {
        let bad = r#"{"functions": [
          {"key": "ok.read", "name": "Ok", "area": "A", "method": "GET", "path": "/ok"},
          {"key": "Bad Key", "name": "", "area": "A", "method": "FETCH", "path": "nope"}
        ]}"#;
        let err = catalog::service::import(&db, bad).await.unwrap_err();
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
            catalog::service::import(&db, "not json").await,
            Err(AppError::Invalid(_))
        ));

        let r = catalog::service::import(&db, CATALOG).await.unwrap();
        assert_eq!((r.created, r.updated, r.unchanged), (4, 0, 0));
        let r = catalog::service::import(&db, CATALOG).await.unwrap();
        assert_eq!((r.created, r.updated, r.unchanged), (0, 0, 4));
        let r = catalog::service::import(&db, &CATALOG.replace("Read contact", "Read one contact"))
            .await
            .unwrap();
        assert_eq!((r.created, r.updated, r.unchanged), (0, 1, 3));
    })
    .await;
}

#[tokio::test]
async fn the_shipped_catalog_is_realistic() {
    let db = crate::server::testing::sqlite().await;
    let json = include_str!("../../../../catalog/real-estate.json");
    let r = catalog::service::import(&db, json).await.unwrap();
    assert!(r.created >= 150, "{} functions", r.created);
    let all = catalog::service::all(&db).await.unwrap();
    let areas: std::collections::HashSet<_> = all.iter().map(|f| f.area.clone()).collect();
    assert!(areas.len() >= 12, "{} areas", areas.len());
    let push = all.iter().filter(|f| f.push_event_types != "[]").count();
    assert!(
        push * 100 / all.len() >= 15 && push * 100 / all.len() <= 30,
        "{push} of {} push-capable",
        all.len()
    );
}
