//! The partner's sales units pages over HTTP with the demo data: deactivated sales units and
//! customers are 404, another partner's user is refused, and a customer is not a partner.
mod common;

use app::glossary::Environment;
use axum::http::StatusCode;
use common::*;

#[tokio::test]
async fn partners_see_their_own_active_sales_units_only() {
    let (app, db) = app_with(Environment::Test).await;
    let nordic = org_id(&db, "Nordic Integrations AS").await;
    let broker = org_id(&db, "Brokerbase Software AS").await;
    let solheim = org_id(&db, "Solheim Eiendom AS").await;
    let anna = sign_in(&app, "anna@nordic-integrations.example").await;
    let olav = sign_in(&app, "olav@brokerbase.example").await;
    let kari = sign_in(&app, "kari@solheim.example").await;

    // The first page: 50 rows and a link to the next; no deactivated office or customer.
    let (status, _, body) = send(&app, page(&format!("/o/{nordic}/sales-units"), &anna)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body.matches("/sales-units/").count(), 50, "{body}");
    assert!(body.contains("cursor=1%3A"), "a next page: {body}");
    for gone in ["HAV17", "KYS01"] {
        assert!(!body.contains(gone), "{gone} is deactivated");
        let (status, _, _) = send(
            &app,
            page(&format!("/o/{nordic}/sales-units/{gone}"), &anna),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{gone}");
    }
    // Search by business identifier finds the customer's offices; by ID, the one.
    let (_, _, body) = send(
        &app,
        page(&format!("/o/{nordic}/sales-units?q=922300453"), &anna),
    )
    .await;
    assert_eq!(body.matches("/sales-units/BBM").count(), 14, "{body}");
    let (status, _, body) = send(
        &app,
        page(&format!("/o/{nordic}/sales-units/SOLOSL"), &anna),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Solheim Eiendom AS") && body.contains("kari@solheim.example"));

    // Brokerbase: its own sales units, with the pending upgrades; not Nordic's.
    let (status, _, body) = send(
        &app,
        page(&format!("/o/{broker}/sales-units?pending=1"), &olav),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("BBM04") && !body.contains("BBM01"), "{body}");
    assert!(body.contains("Upgrade pending since"), "{body}");
    for (path, who, expected) in [
        (
            format!("/o/{nordic}/sales-units"),
            &olav,
            StatusCode::FORBIDDEN,
        ),
        (
            format!("/o/{nordic}/sales-units/SOLOSL"),
            &olav,
            StatusCode::FORBIDDEN,
        ),
        (
            format!("/o/{broker}/sales-units/SOLOSL"),
            &olav,
            StatusCode::NOT_FOUND,
        ),
        (
            format!("/o/{solheim}/sales-units"),
            &kari,
            StatusCode::FORBIDDEN,
        ),
    ] {
        let (status, _, _) = send(&app, page(&path, who)).await;
        assert_eq!(status, expected, "{path}");
    }
}
