//! Writers at once (rule 5's "exactly one wins"), on a file-backed SQLite database and on
//! PostgreSQL: exactly one succeeds and the others get a user-level error, never `Internal`.
use super::setup::setup;
use crate::error::AppError;
use crate::features::products::service::{grants, versions};
use crate::glossary::Environment;
use crate::server::testing::{at_once, config_for, each_writer_db, grant};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_new_versions_at_once_make_one_draft() {
    each_writer_db(|db| async move {
        let cfg = config_for(Environment::Production);
        let (partner, anna, id) = setup(&db, &cfg).await;
        grants::save_grants(
            &db,
            &cfg,
            &anna,
            partner,
            id,
            1,
            vec![grant("estates.list", &[])],
        )
        .await
        .unwrap();
        versions::activate(&db, &anna, partner, id, None)
            .await
            .unwrap();
        let results = at_once(20, |_| {
            let (db, anna) = (db.clone(), anna.clone());
            async move { versions::new_version(&db, &anna, partner, id).await }
        })
        .await;
        let won: Vec<_> = results.iter().filter(|r| r.is_ok()).collect();
        assert_eq!(won.len(), 1, "{results:?}");
        assert_eq!(*won[0].as_ref().unwrap(), 2);
        assert!(
            results
                .iter()
                .all(|r| r.is_ok() || matches!(r, Err(AppError::Conflict(_)))),
            "{results:?}"
        );
    })
    .await;
}
