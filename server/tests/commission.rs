//! Commission over HTTP with the demo data: the platform's PUT with a service token (all or
//! nothing, idempotent), the partner's pages and CSV download, and the operator's upload; another
//! organization's user is refused everywhere.
mod common;

use app::glossary::Environment;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::{Datelike, Months};
use common::*;

fn put(path: &str, token: Option<&str>, body: &str) -> Request<Body> {
    let mut b = Request::put(path).header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    b.body(Body::from(body.to_owned())).unwrap()
}

fn multipart(fields: &[(&str, &str)], file: &str) -> String {
    let mut body = String::new();
    for (k, v) in fields {
        body.push_str(&format!(
            "--XB\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ));
    }
    body.push_str(&format!(
        "--XB\r\nContent-Disposition: form-data; name=\"statement\"; filename=\"s.csv\"\r\nContent-Type: text/csv\r\n\r\n{file}\r\n--XB--\r\n"
    ));
    body
}

#[tokio::test]
async fn the_platform_puts_statements_and_only_their_partner_reads_them() {
    let (app, db) = app_with(Environment::Test).await;
    let nordic = org_id(&db, "Nordic Integrations AS").await;
    let broker = org_id(&db, "Brokerbase Software AS").await;
    let solheim = org_id(&db, "Solheim Eiendom AS").await;
    let operator = org_id(&db, "Portico Platform").await;
    let token = app::server::service_tokens::issue(&db, "billing")
        .await
        .unwrap();
    let last = app::server::clock::now().date_naive() - Months::new(1);
    let period = format!("{:04}-{:02}", last.year(), last.month());

    // The demo's three months, and a month's page and file, for Nordic's user.
    let anna = sign_in(&app, "anna@nordic-integrations.example").await;
    let (status, _, body) = send(&app, page(&format!("/o/{nordic}/commission"), &anna)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body.matches(&format!("/o/{nordic}/commission/")).count(),
        3,
        "{body}"
    );
    let (status, _, body) = send(
        &app,
        page(&format!("/o/{nordic}/commission/{period}"), &anna),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("HAV01") && body.contains("NOK "), "{body}");
    let csv = format!("/o/{nordic}/commission/{period}/csv");
    let (status, headers, file) = send(&app, page(&csv, &anna)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["content-type"].starts_with("text/csv"));
    assert!(headers["content-disposition"].contains(&format!("commission-{period}.csv")));
    assert!(
        file.starts_with(
            "installation_id,price_package,volume,commission,currency\nHAV01,Standard,"
        ),
        "{file}"
    );
    assert_eq!(file.lines().count(), 1 + 16 + 14 + 14 + 8 + 6);

    // Another partner's user, a customer's, or nobody: refused.
    let olav = sign_in(&app, "olav@brokerbase.example").await;
    let kari = sign_in(&app, "kari@solheim.example").await;
    assert_eq!(send(&app, page(&csv, &olav)).await.0, StatusCode::FORBIDDEN);
    for (path, who) in [
        (format!("/o/{nordic}/commission"), &olav),
        (format!("/o/{nordic}/commission/{period}"), &olav),
        (format!("/o/{solheim}/commission"), &kari),
    ] {
        let status = send(&app, page(&path, who)).await.0;
        assert!(
            status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
            "{path}: {status}"
        );
    }
    let signed_out = Request::get(&csv).body(Body::empty()).unwrap();
    let (status, headers, _) = send(&app, signed_out).await;
    assert_eq!(
        (status, headers["location"].as_str()),
        (StatusCode::SEE_OTHER, "/sign-in")
    );
    let (status, _, _) = send(
        &app,
        page(&format!("/o/{broker}/commission/{period}/csv"), &olav),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "Brokerbase's own month");

    // The platform's PUT: a token, a partner, a month; all or nothing; the same body twice.
    let path = format!("/api/v1/commission-statements/{nordic}/{period}");
    let good = r#"{"rows": [{"installation_id": "HAV01", "price_package": "Standard", "volume": 12500000, "commission": 112500, "currency": "NOK"},
                            {"installation_id": "DKA01", "volume": 100, "commission": -1, "currency": "DKK"}]}"#;
    for t in [None, Some("pst_wrong")] {
        assert_eq!(
            send(&app, put(&path, t, good)).await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    for _ in 0..2 {
        let (status, _, body) = send(&app, put(&path, Some(&token), good)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["rows"], 2);
        assert_eq!(
            v["commission"],
            serde_json::json!([{"currency": "NOK", "amount": 112500}, {"currency": "DKK", "amount": -1}])
        );
    }
    let (_, _, file) = send(&app, page(&csv, &anna)).await;
    assert_eq!(file.lines().count(), 3, "replaced: {file}");
    let bad = r#"{"rows": [{"installation_id": "HAV01", "volume": 1, "commission": 1, "currency": "NOK"},
                           {"installation_id": "NOSUCH", "volume": 1, "commission": 1, "currency": "NOK"}]}"#;
    let (status, headers, body) = send(&app, put(&path, Some(&token), bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(headers["content-type"], "application/problem+json");
    assert!(
        body.contains("rows[1]: Portico has no sales unit NOSUCH"),
        "{body}"
    );
    let (_, _, file) = send(&app, page(&csv, &anna)).await;
    assert_eq!(file.lines().count(), 3, "unchanged");
    for (p, expected) in [
        (
            format!("/api/v1/commission-statements/{solheim}/{period}"),
            StatusCode::NOT_FOUND,
        ),
        (
            format!("/api/v1/commission-statements/99999999999/{period}"),
            StatusCode::NOT_FOUND,
        ),
        (
            format!("/api/v1/commission-statements/{nordic}/2999-01"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            format!("/api/v1/commission-statements/{nordic}/2026-13"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        assert_eq!(
            send(&app, put(&p, Some(&token), good)).await.0,
            expected,
            "{p}"
        );
    }
    let (_, _, doc) = send(
        &app,
        Request::get("/api/v1/openapi.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(doc.contains("/api/v1/commission-statements/{partner_id}/{period}"));

    // The operator's upload: refused to an outsider (nothing changes), stored for ops.
    let file =
        "installation_id,price_package,volume,commission,currency\nHAV02,Standard,10.00,0.30,NOK\n";
    let body = multipart(
        &[("partner_id", &nordic.to_string()), ("period", &period)],
        file,
    );
    let upload = |cookie: &str| {
        let mut r = call(
            &format!("/o/{operator}/commission/upload"),
            &body,
            Some(cookie),
        );
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=XB".parse().unwrap(),
        );
        r
    };
    let (status, headers, _) = send(&app, upload(&anna)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(headers["location"].contains("error="), "{headers:?}");
    let (_, _, after) = send(&app, page(&csv, &anna)).await;
    assert_eq!(after.lines().count(), 3, "unchanged");
    let ops = sign_in(&app, "ops@portico.example").await;
    let (status, headers, _) = send(&app, upload(&ops)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(headers["location"].contains("imported="), "{headers:?}");
    let (_, _, after) = send(&app, page(&csv, &anna)).await;
    assert_eq!(after, file);
}
