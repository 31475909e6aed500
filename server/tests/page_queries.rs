//! A signed-in page looks up its caller once: every server function the page calls while it
//! renders shares the request's session and membership lookups, and a change (POST) looks
//! them up afresh.
mod common;

use app::glossary::Environment;
use app::server::db;
use app::server::testing::config_for;
use axum::http::StatusCode;
use common::*;
use std::sync::{Arc, Mutex};

/// Every SQL statement the connection runs, in order.
type Log = Arc<Mutex<Vec<String>>>;

fn count(log: &Log, table: &str) -> usize {
    let from = format!("FROM \"{table}\"");
    log.lock()
        .unwrap()
        .iter()
        .filter(|s| s.contains(&from))
        .count()
}

#[tokio::test]
async fn a_signed_in_page_looks_up_its_session_and_membership_once() {
    let mut conn = db::connect("sqlite::memory:").await.unwrap();
    let log: Log = Arc::default();
    let sink = log.clone();
    conn.set_metric_callback(move |info| sink.lock().unwrap().push(info.statement.sql.clone()));
    let (app, conn) = app_on(conn, config_for(Environment::Dev)).await;
    let cookie = sign_in(&app, "anna@nordic-integrations.example").await;
    let nordic = org_id(&conn, "Nordic Integrations AS").await;
    let planner = demo_product(&conn).await.id;

    let solheim = org_id(&conn, "Solheim Eiendom AS").await;
    let kari = sign_in(&app, "kari@solheim.example").await;
    // The most statements each page may take (today's counts): a page that starts querying
    // per row, or fetching its data twice, fails here.
    for (path, cookie, most) in [
        // The dashboard: the overview, the unread notifications ("Needs your attention") and
        // the partner's figures (products, two counts of sales units, failing subscriptions, the
        // latest month's commission and its sums).
        (format!("/o/{nordic}"), &cookie, 16),
        // The overview: no credentials or subscriptions (their tabs read those).
        (format!("/o/{nordic}/products/{planner}"), &cookie, 18),
        (
            format!("/o/{nordic}/products/{planner}/credentials"),
            &cookie,
            21,
        ),
        (
            format!("/o/{nordic}/products/{planner}/webhooks"),
            &cookie,
            20,
        ),
        (
            format!("/o/{nordic}/products/{planner}/functions"),
            &cookie,
            13,
        ),
        (format!("/o/{nordic}/webhooks"), &cookie, 9),
        (format!("/o/{solheim}/suppliers"), &kari, 14),
        // 50 sales units, or one: the same few statements (not one per row).
        (format!("/o/{nordic}/sales-units"), &cookie, 14),
        (format!("/o/{nordic}/price-packages"), &cookie, 8),
        (format!("/o/{nordic}/commission"), &cookie, 9),
        // One more: the search index's candidates.
        (format!("/o/{nordic}/sales-units?q=hav"), &cookie, 16),
        (format!("/o/{nordic}/sales-units/SOLOSL"), &cookie, 19),
        // 50 orders or one: the page, then their products, installations and organizations.
        (format!("/o/{nordic}/orders"), &cookie, 12),
        (format!("/o/{solheim}/orders"), &kari, 13),
        // The page, its four kinds of names, the form's products and packages.
        (format!("/o/{nordic}/product-orders"), &cookie, 14),
    ] {
        log.lock().unwrap().clear();
        let (status, _, body) = send(&app, page(&path, cookie)).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
        assert!(
            body.contains("data-testid=\"acting-as\""),
            "{path} renders the layout"
        );
        let statements = log.lock().unwrap().clone();
        println!("{path}: {} SQL statements", statements.len());
        for s in &statements {
            println!("  {}", &s[..s.len().min(160)]);
        }
        assert_eq!(count(&log, "sessions"), 1, "{path}: one session lookup");
        assert_eq!(count(&log, "users"), 1, "{path}: one user lookup");
        let members = statements
            .iter()
            .filter(|s| {
                s.contains(
                    "\"memberships\".\"user_id\" = ? AND \"memberships\".\"organization_id\" = ?",
                )
            })
            .count();
        assert_eq!(
            members, 1,
            "{path}: one membership check for one organization"
        );
        assert!(
            statements.len() <= most,
            "{path}: {} statements, at most {most}",
            statements.len()
        );
    }

    // Another organization's page is still refused with the lookups shared.
    let (status, _, _) = send(&app, page(&format!("/o/{solheim}/suppliers"), &cookie)).await;
    assert!(
        status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
        "Solheim's page for Nordic's user: {status}"
    );
}
