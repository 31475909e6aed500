//! What a sign-in request leaves behind: the same writes for a known and an unknown address
//! (nothing to time), no live token in any row once the link is sent, and one winner among
//! concurrent uses of one link.
use crate::error::AppError;
use crate::features::accounts::service::auth;
use crate::server::db::begin_write;
use crate::server::mail::DevMailbox;
use crate::server::testing::{
    at_once, config, customer_org, each_db, each_writer_db, last_mailed_token,
};
use sea_orm::{ConnectionTrait, DatabaseBackend, DatabaseConnection, Statement};

/// Every table's name and its text columns.
async fn text_columns(db: &DatabaseConnection) -> Vec<(String, String)> {
    let sql = match db.get_database_backend() {
        DatabaseBackend::Postgres => {
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = current_schema() \
             AND data_type IN ('text', 'character varying')"
        }
        _ => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND (p.type LIKE '%CHAR%' OR p.type LIKE '%TEXT%' \
             OR p.type = '')"
        }
    };
    let backend = db.get_database_backend();
    db.query_all_raw(Statement::from_string(backend, sql))
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.try_get::<String>("", "t").unwrap(),
                r.try_get::<String>("", "c").unwrap(),
            )
        })
        .collect()
}

/// How many rows of any table hold `needle` in a text column.
async fn rows_containing(db: &DatabaseConnection, needle: &str) -> Vec<String> {
    let backend = db.get_database_backend();
    let mut found = Vec::new();
    for (table, column) in text_columns(db).await {
        let sql = format!("SELECT COUNT(*) AS n FROM \"{table}\" WHERE \"{column}\" LIKE $1");
        let sql = match backend {
            DatabaseBackend::Postgres => sql,
            _ => sql.replace('$', "?"),
        };
        let stmt = Statement::from_sql_and_values(backend, sql, [format!("%{needle}%").into()]);
        let n: i64 = db
            .query_one_raw(stmt)
            .await
            .unwrap()
            .unwrap()
            .try_get("", "n")
            .unwrap();
        if n > 0 {
            found.push(format!("{table}.{column}"));
        }
    }
    found
}

/// The number of rows of every table.
async fn row_counts(db: &DatabaseConnection) -> Vec<(String, i64)> {
    let backend = db.get_database_backend();
    let mut tables: Vec<String> = text_columns(db).await.into_iter().map(|(t, _)| t).collect();
    tables.dedup();
    let mut out = Vec::new();
    for t in tables {
        let stmt = Statement::from_string(backend, format!("SELECT COUNT(*) AS n FROM \"{t}\""));
        let n: i64 = db
            .query_one_raw(stmt)
            .await
            .unwrap()
            .unwrap()
            .try_get("", "n")
            .unwrap();
        out.push((t, n));
    }
    out
}

#[tokio::test]
async fn known_and_unknown_addresses_cost_the_same_writes() {
    each_db(|db| async move {
        customer_org(&db, "Solheim", "kari@solheim.example").await;
        let before = row_counts(&db).await;
        auth::request_sign_in(
            &db,
            &config(),
            "kari@solheim.example",
            "c1",
            crate::i18n::Lang::En,
        )
        .await
        .unwrap();
        let after_known = row_counts(&db).await;
        auth::request_sign_in(
            &db,
            &config(),
            "nobody@solheim.example",
            "c2",
            crate::i18n::Lang::En,
        )
        .await
        .unwrap();
        let after_unknown = row_counts(&db).await;
        let delta = |a: &[(String, i64)], b: &[(String, i64)]| -> Vec<(String, i64)> {
            a.iter()
                .zip(b)
                .filter(|(x, y)| x.1 != y.1)
                .map(|(x, y)| (x.0.clone(), y.1 - x.1))
                .collect()
        };
        let known = delta(&before, &after_known);
        assert_eq!(known, delta(&after_known, &after_unknown));
        // Only the queue and the limits: the user is looked up later, by the sign-in job.
        assert!(
            known
                .iter()
                .all(|(t, _)| t == "sign_in_requests" || t == "rate_limit_events"),
            "{known:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn no_row_holds_a_live_token_once_the_link_is_sent() {
    each_db(|db| async move {
        customer_org(&db, "Solheim", "kari@solheim.example").await;
        auth::request_sign_in(
            &db,
            &config(),
            "kari@solheim.example",
            "c",
            crate::i18n::Lang::En,
        )
        .await
        .unwrap();
        let token = last_mailed_token(&db, "kari@solheim.example")
            .await
            .unwrap();
        assert_eq!(
            rows_containing(&db, &token).await,
            Vec::<String>::new(),
            "queued"
        );
        let mailbox = DevMailbox::default();
        assert_eq!(mailbox.deliver(&db, &config().secret_key).await, Ok(1));
        assert!(
            mailbox.entries()[0].text.contains(&token),
            "the mail has the link"
        );
        assert_eq!(
            rows_containing(&db, &token).await,
            Vec::<String>::new(),
            "sent"
        );
        let sealed = crate::server::mail::recent(&db, 1).await.unwrap()[0]
            .sealed_secret
            .clone();
        assert_eq!(sealed, None, "the sealed token is dropped once sent");
        // The link still works, once.
        assert!(auth::confirm_link(&db, &token, None, None).await.is_ok());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_of_seven_uses_of_a_link_signs_in() {
    each_writer_db(|db| async move {
        customer_org(&db, "Solheim", "kari@solheim.example").await;
        auth::request_sign_in(
            &db,
            &config(),
            "kari@solheim.example",
            "c",
            crate::i18n::Lang::En,
        )
        .await
        .unwrap();
        let token = last_mailed_token(&db, "kari@solheim.example")
            .await
            .unwrap();
        // Hold the write lock briefly so the seven really start together.
        let hold = begin_write(&db).await.unwrap();
        let results = at_once(7, |_| {
            let (db, token) = (db.clone(), token.clone());
            async move {
                auth::confirm_link(&db, &token, None, None)
                    .await
                    .map(|_| ())
            }
        });
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        hold.commit().await.unwrap();
        let results = results.await;
        assert_eq!(
            results.iter().filter(|r| r.is_ok()).count(),
            1,
            "{results:?}"
        );
        assert!(
            results
                .iter()
                .all(|r| r.is_ok() || *r == Err(AppError::LinkExpired)),
            "{results:?}"
        );
    })
    .await;
}
