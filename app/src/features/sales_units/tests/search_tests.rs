//! The search index: what it finds follows renames and new sales units, it folds case beyond
//! ASCII and takes quotes and wildcards as text, and a search broader than the index narrows
//! to still pages through every match in order; on SQLite and PostgreSQL.
use crate::features::sales_units::dto::{SalesUnitFields, SalesUnitQuery, PAGE_SIZE};
use crate::features::sales_units::service::search::NARROW;
use crate::features::sales_units::service::{edit, list};
use crate::glossary::ActiveStatus;
use crate::server::entities::{activation, installation, product_version};
use crate::server::scope::Actor;
use crate::server::testing::{self, each_db};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

async fn found(db: &DatabaseConnection, who: &Actor, org: i32, q: SalesUnitQuery) -> Vec<String> {
    let mut out = Vec::new();
    let mut q = q;
    loop {
        let page = list::list(db, who, org, &q).await.unwrap();
        out.extend(page.rows.into_iter().map(|r| r.installation_id));
        match page.next_cursor {
            Some(c) => q.cursor = c,
            None => return out,
        }
    }
}

/// Inserts rows 200 at a time (well under SQLite's bound parameters per statement).
async fn insert_chunks<E, A>(db: &DatabaseConnection, rows: Vec<A>)
where
    E: EntityTrait,
    A: ActiveModelTrait<Entity = E> + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(200).collect();
        E::insert_many(chunk).exec(db).await.unwrap();
    }
}

fn boxed(q: &str) -> SalesUnitQuery {
    SalesUnitQuery {
        q: q.into(),
        ..SalesUnitQuery::default()
    }
}

fn named(name: &str) -> SalesUnitQuery {
    SalesUnitQuery {
        fields: SalesUnitFields {
            name: Some(name.into()),
            ..SalesUnitFields::default()
        },
        ..SalesUnitQuery::default()
    }
}

#[tokio::test]
async fn the_index_follows_renames_and_new_sales_units_and_folds_case() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        let (a, p) = (&w.anna, w.partner);
        assert_eq!(found(&db, a, p, boxed("oslo")).await, ["SOLOSL"]);
        edit::rename(&db, &w.cfg, a, p, "SOLOSL", "Solheim Ålesund")
            .await
            .unwrap();
        assert!(found(&db, a, p, boxed("oslo")).await.is_empty());
        assert_eq!(found(&db, a, p, boxed("ÅLESUND")).await, ["SOLOSL"]);
        assert_eq!(found(&db, a, p, named("ålesu")).await, ["SOLOSL"]);
        assert!(found(&db, a, p, named("solosl")).await.is_empty());
        // The installation ID is searched in part too, and a new sales unit at once.
        assert_eq!(found(&db, a, p, boxed("lOs")).await, ["SOLOSL"]);
        testing::installation(&db, w.customer, "NEW-77", r#"Say "hi" 100% now"#, false).await;
        testing::activate(&db, "NEW-77", w.product).await;
        assert_eq!(found(&db, a, p, boxed("w-7")).await, ["NEW-77"]);
        assert_eq!(found(&db, a, p, boxed(r#""hi" 100%"#)).await, ["NEW-77"]);
        assert!(found(&db, a, p, boxed(r#""hi" 1000"#)).await.is_empty());
        assert!(found(&db, a, p, boxed("100_")).await.is_empty());
        // The customer's name is in the box, not in the API's name filter.
        assert_eq!(
            found(&db, a, p, boxed("solheim")).await,
            ["NEW-77", "SOLOSL"]
        );
        assert_eq!(found(&db, a, p, named("solheim")).await, ["SOLOSL"]);
    })
    .await;
}

#[tokio::test]
async fn a_search_broader_than_the_index_narrows_to_still_pages_through_every_match() {
    each_db(|db| async move {
        let w = super::world(&db).await;
        let version = product_version::Entity::find()
            .filter(product_version::Column::ProductId.eq(w.product))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        let count = NARROW + 20;
        let names: Vec<(String, String)> = (1..=count)
            .map(|n| (format!("W{n:05}"), format!("Wide {n}")))
            .collect();
        let now = Utc::now();
        let units = names.iter().map(|(id, name)| installation::ActiveModel {
            installation_id: Set(id.clone()),
            name: Set(name.clone()),
            customer_id: Set(w.customer),
            status: Set(ActiveStatus::Active),
            is_sandbox: Set(false),
            created_at: Set(now),
            ..Default::default()
        });
        insert_chunks(&db, units.collect()).await;
        let rows = installation::Entity::find()
            .filter(installation::Column::InstallationId.starts_with("W0"))
            .all(&db)
            .await
            .unwrap();
        let activations = rows.iter().map(|i| activation::ActiveModel {
            installation_id: Set(i.id),
            product_id: Set(w.product),
            version_id: Set(version.id),
            status: Set(ActiveStatus::Active),
            activated_by: Set(None),
            activated_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
        insert_chunks(&db, activations.collect()).await;
        let (a, p) = (&w.anna, w.partner);
        let first = list::list(&db, a, p, &boxed("wide")).await.unwrap();
        assert_eq!(first.rows.len(), PAGE_SIZE);
        assert_eq!(first.rows[0].installation_id, "W00001");
        let every = found(&db, a, p, boxed("wide")).await;
        let expected: Vec<String> = names.iter().map(|(id, _)| id.clone()).collect();
        assert_eq!(every, expected);
        // Narrow enough again: the index's few candidates, still in order.
        let narrow: Vec<String> = names
            .iter()
            .filter(|(_, name)| name.to_lowercase().contains("wide 100"))
            .map(|(id, _)| id.clone())
            .collect();
        assert_eq!(narrow.len(), 11, "Wide 100, and 1000 to 1009");
        assert_eq!(found(&db, a, p, boxed("wide 100")).await, narrow);
        assert_eq!(found(&db, a, p, named("WIDE 100")).await, narrow);
        assert_eq!(found(&db, a, p, named("wide")).await.len(), count);
    })
    .await;
}
