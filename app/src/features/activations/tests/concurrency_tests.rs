//! Customer administrators acting at once: one first activation and one re-activation win, on a
//! file-backed SQLite database and on PostgreSQL; the others are told it is already done.
use crate::error::AppError;
use crate::features::activations::service::activation;
use crate::glossary::{Environment, Role};
use crate::server::testing::{at_once, each_writer_db, grant, member, world};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_activation_wins_and_the_others_are_told() {
    each_writer_db(|db| async move {
        let w = world(
            &db,
            Environment::Production,
            vec![grant("estates.read", &[])],
        )
        .await;
        // Five admins of Solheim activate the product on SOLBER at once.
        let mut admins = Vec::new();
        for i in 0..5 {
            let email = format!("admin{i}@solheim.example");
            admins.push(member(&db, w.customer, &email, Role::Admin).await);
        }
        let run = |admins: Vec<crate::server::scope::Actor>| {
            let db = db.clone();
            let (customer, product) = (w.customer, w.product);
            async move {
                at_once(admins.len(), |i| {
                    let (db, admin) = (db.clone(), admins[i].clone());
                    async move {
                        activation::activate(&db, &admin, customer, "SOLBER", product, 1).await
                    }
                })
                .await
            }
        };
        let one_winner = |results: &[Result<(), AppError>]| {
            assert_eq!(
                results.iter().filter(|r| r.is_ok()).count(),
                1,
                "{results:?}"
            );
            assert!(
                results.iter().all(|r| r.is_ok()
                    || matches!(r, Err(AppError::Conflict(m)) if m.starts_with("Already done"))),
                "{results:?}"
            );
        };
        one_winner(&run(admins.clone()).await);
        // Deactivated, then activated again by all five at once: one wins again.
        activation::deactivate(&db, &w.kari, w.customer, "SOLBER", w.product)
            .await
            .unwrap();
        one_winner(&run(admins).await);
    })
    .await;
}
