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

/// A multipart form with one file field `logo`.
fn logo_upload(path: &str, cookie: &str, data: &[u8]) -> axum::http::Request<axum::body::Body> {
    let mut body = b"--XYZ\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"l.png\"\r\nContent-Type: image/png\r\n\r\n".to_vec();
    body.extend_from_slice(data);
    body.extend_from_slice(b"\r\n--XYZ--\r\n");
    axum::http::Request::post(path)
        .header("cookie", format!("portico_session={cookie}"))
        .header("content-type", "multipart/form-data; boundary=XYZ")
        .header("sec-fetch-site", "same-origin")
        .body(axum::body::Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn only_the_customer_and_connected_partners_change_or_see_a_logo() {
    let (app, db) = app_with(Environment::Test).await;
    let nordic = org_id(&db, "Nordic Integrations AS").await;
    let broker = org_id(&db, "Brokerbase Software AS").await;
    let solheim = org_id(&db, "Solheim Eiendom AS").await;
    let fjord = org_id(&db, "Fjord Megling AS").await;
    let anna = sign_in(&app, "anna@nordic-integrations.example").await;
    let olav = sign_in(&app, "olav@brokerbase.example").await;
    let ingrid = sign_in(&app, "ingrid@fjord-megling.example").await;
    let kari = sign_in(&app, "kari@solheim.example").await;
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../end2end/fixtures/logo-120.png"
    ))
    .unwrap();

    // Strangers: another partner (through its own organization or Nordic's), another customer.
    for (path, who) in [
        (format!("/o/{broker}/sales-units/SOLOSL/logo"), &olav),
        (format!("/o/{nordic}/sales-units/SOLOSL/logo"), &olav),
        (format!("/o/{fjord}/installations/SOLOSL/logo"), &ingrid),
        (format!("/o/{solheim}/installations/SOLOSL/logo"), &ingrid),
    ] {
        let (status, headers, _) = send(&app, logo_upload(&path, who, &png)).await;
        assert_eq!(status, axum::http::StatusCode::SEE_OTHER, "{path}");
        assert!(
            headers["location"].contains("logo_error="),
            "{path}: {headers:?}"
        );
    }
    let (status, _, _) = send(
        &app,
        page(&format!("/o/{solheim}/installations/SOLOSL/logo"), &kari),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no logo yet");

    // The partner uploads it; the customer sees it; strangers do not.
    let (_, headers, _) = send(
        &app,
        logo_upload(&format!("/o/{nordic}/sales-units/SOLOSL/logo"), &anna, &png),
    )
    .await;
    assert!(headers["location"].ends_with("?logo=saved"), "{headers:?}");
    let (status, headers, body) = send(
        &app,
        page(&format!("/o/{solheim}/installations/SOLOSL/logo"), &kari),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/png");
    assert!(!body.is_empty());
    for (path, who) in [
        (format!("/o/{broker}/sales-units/SOLOSL/logo"), &olav),
        (format!("/o/{fjord}/installations/SOLOSL/logo"), &ingrid),
    ] {
        let (status, _, _) = send(&app, page(&path, who)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _, _) = send(
        &app,
        page(&format!("/o/{nordic}/sales-units/SOLOSL/logo"), &olav),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
