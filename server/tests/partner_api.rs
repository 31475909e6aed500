//! The Partner API over HTTP with the demo data: HTTP Basic with a partner API key; what a key
//! reads is what its partner's portal shows (never a deactivated sales unit, never another
//! partner's); a `read` key cannot PATCH; revoked and unknown keys are 401; every answer of a
//! refusal is a problem document. And the API keys page and the API reference.
mod common;

use app::features::partner_api::service::keys;
use app::server::testing::{config, png};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::api::{basic, send, setup};
use common::org_id;
use serde_json::{json, Value};

fn get(path: &str, auth: &str) -> Request<Body> {
    Request::get(path)
        .header(header::AUTHORIZATION, auth)
        .body(Body::empty())
        .unwrap()
}

fn patch(path: &str, auth: &str, body: &Value) -> Request<Body> {
    Request::patch(path)
        .header(header::AUTHORIZATION, auth)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// A new key of `partner`'s with `access`, as its `Authorization` header.
async fn key(db: &sea_orm::DatabaseConnection, partner: i32, access: &str) -> String {
    let k = keys::create_from_cli(db, &config(), &partner.to_string(), access)
        .await
        .unwrap();
    basic(&k.key_id, &k.secret)
}

fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["installation_id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_key_reads_what_its_partners_portal_shows_and_no_more() {
    let (app, db, _, nordic, demo) = setup().await;
    let broker = org_id(&db, "Brokerbase Software AS").await;
    let read = key(&db, nordic, "read").await;
    let theirs = key(&db, broker, "read").await;

    let (status, _, who) = send(&app, get("/api/v1/partner/whoami", &read)).await;
    assert_eq!(status, StatusCode::OK, "{who}");
    assert_eq!(
        (who["partner_id"].as_i64(), who["access"].as_str()),
        (Some(nordic.into()), Some("read"))
    );

    // The list: 50 a page by default, cursor pages complete and without repeats, no
    // deactivated sales unit.
    let mut seen = Vec::new();
    let mut cursor = String::new();
    loop {
        let path = format!("/api/v1/partner/sales-units?limit=37&cursor={cursor}");
        let (status, _, page) = send(&app, get(&path, &read)).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page["items"].as_array().unwrap().len() <= 37);
        seen.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = c.replace(':', "%3A"),
            None => break,
        }
    }
    let (_, _, first) = send(&app, get("/api/v1/partner/sales-units", &read)).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 50);
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(unique, seen, "no repeats, in order");
    assert!(seen.len() > 50 && seen.contains(&"HAV01".to_string()));
    assert!(!seen.contains(&"HAV17".to_string()) && !seen.contains(&"KYS01".to_string()));

    // Each of the four filters.
    for (query, expect) in [
        ("installation_id=hav02", vec!["HAV02"]),
        (
            "business_identifier=922300453",
            (1..=14)
                .map(|n| format!("BBM{n:02}"))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect(),
        ),
        ("customer=bergen%20bolig&name=oslo", vec!["BBM01"]),
    ] {
        let (status, _, page) = send(
            &app,
            get(&format!("/api/v1/partner/sales-units?{query}"), &read),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{query}: {page}");
        assert_eq!(ids(&page), expect, "{query}");
    }
    let (_, _, page) = send(
        &app,
        get(
            "/api/v1/partner/sales-units?business_identifier=business:NO:ORG%20915501184&limit=100",
            &read,
        ),
    )
    .await;
    assert!(ids(&page).iter().all(|i| i.starts_with("HAV")) && !ids(&page).is_empty());

    // One sales unit, and its history; a deactivated one and another partner's are 404.
    let (status, _, unit) = send(&app, get("/api/v1/partner/sales-units/hav01", &read)).await;
    assert_eq!(status, StatusCode::OK, "{unit}");
    assert_eq!(unit["customer"], "Havnegata Eiendom AS");
    assert_eq!(unit["business_identifier"], "business:NO:ORG 915501184");
    assert!(unit["price_package"]
        .as_str()
        .unwrap()
        .starts_with("Standard"));
    let (status, _, history) = send(
        &app,
        get("/api/v1/partner/sales-units/HAV01/history?limit=1", &read),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{history}");
    assert_eq!(history["items"].as_array().unwrap().len(), 1);
    assert!(history["items"][0]["at"].as_str().unwrap().contains('T'));
    for path in [
        "/api/v1/partner/sales-units/HAV17",
        "/api/v1/partner/sales-units/KYS01",
        "/api/v1/partner/sales-units/HAV01/history",
        "/api/v1/partner/sales-units/NOSUCH",
    ] {
        let who = if path.contains("HAV01") {
            &theirs
        } else {
            &read
        };
        let (status, headers, body) = send(&app, get(path, who)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    }

    // The other lists.
    let (_, _, packages) = send(&app, get("/api/v1/partner/price-packages", &read)).await;
    let names: Vec<&str> = packages["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Standard"), "{packages}");
    let (_, _, months) = send(&app, get("/api/v1/partner/commission-statements", &read)).await;
    assert_eq!(months["items"].as_array().unwrap().len(), 3, "{months}");
    let period = months["items"][0]["period"].as_str().unwrap().to_owned();
    let (status, _, month) = send(
        &app,
        get(
            &format!("/api/v1/partner/commission-statements/{period}?limit=5"),
            &read,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{month}");
    assert_eq!(month["items"].as_array().unwrap().len(), 5);
    assert!(month["next_cursor"].is_string() && month["items"][0]["commission"].is_i64());
    let (_, _, one) = send(
        &app,
        get(
            &format!("/api/v1/partner/commission-statements?period={period}"),
            &read,
        ),
    )
    .await;
    assert_eq!(one["items"].as_array().unwrap().len(), 1);
    let (_, _, products) = send(&app, get("/api/v1/partner/products", &read)).await;
    assert!(products["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == demo));
    let (status, _, product) = send(
        &app,
        get(&format!("/api/v1/partner/products/{demo}"), &read),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{product}");
    assert!(product["functions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["key"] == "estates.read"));
    let (status, _, _) = send(
        &app,
        get(&format!("/api/v1/partner/products/{demo}"), &theirs),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another partner's product");
    let (status, _, hooks) = send(&app, get("/api/v1/partner/webhooks?url=example", &read)).await;
    assert_eq!(status, StatusCode::OK, "{hooks}");
    let (_, _, none) = send(&app, get("/api/v1/partner/webhooks", &theirs)).await;
    assert!(none["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["product_id"] != demo));

    // Bad input: a clear 422.
    for path in [
        "/api/v1/partner/sales-units?limit=0",
        "/api/v1/partner/sales-units?limit=101",
        "/api/v1/partner/sales-units?cursor=nonsense",
        "/api/v1/partner/sales-units?product_id=x",
        "/api/v1/partner/sales-units/a%20b",
        "/api/v1/partner/commission-statements?period=2026-13",
        "/api/v1/partner/commission-statements/202611",
        "/api/v1/partner/price-packages?cursor=999",
        "/api/v1/partner/products/abc",
    ] {
        let (status, _, body) = send(&app, get(path, &read)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {body}");
        assert!(body["detail"].is_string(), "{path}");
    }
    // A cursor longer than the document allows is refused everywhere, even one that parses.
    let long = "0".repeat(101);
    for path in [
        format!("/api/v1/partner/commission-statements/{period}?cursor={long}"),
        format!("/api/v1/partner/sales-units/HAV01/history?cursor={long}"),
        format!("/api/v1/partner/webhooks?cursor={long}"),
    ] {
        let (status, _, body) = send(&app, get(&path, &read)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {body}");
    }
}

#[tokio::test]
async fn only_a_read_and_write_key_changes_a_sales_unit_and_the_customer_sees_who() {
    let (app, db, _, nordic, _) = setup().await;
    let broker = org_id(&db, "Brokerbase Software AS").await;
    let read = key(&db, nordic, "read").await;
    let write = key(&db, nordic, "read_write").await;
    let theirs = key(&db, broker, "read_write").await;
    let path = "/api/v1/partner/sales-units/HAV02";

    let (status, _, body) = send(
        &app,
        patch(path, &read, &json!({"name": "Havnegata Sentrum"})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, _, _) = send(
        &app,
        patch(path, &theirs, &json!({"name": "Havnegata Sentrum"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for bad in [
        json!({}),
        json!({"name": ""}),
        json!({"name": "x".repeat(41)}),
        json!({"name": "Havnegata <b>"}),
        json!({"name": "Fine", "logo": "not base64!"}),
        json!({"name": "Fine", "logo": base64_of(b"\x89PNG\r\n\x1a\nnot really")}),
        json!({"logo": base64_of(&png(40))}),
        json!({"colour": "blue"}),
    ] {
        let (status, _, body) = send(&app, patch(path, &write, &bad)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
    }
    let (_, _, before) = send(&app, get(path, &write)).await;
    assert_ne!(before["name"], "Fine", "bad input changes nothing");

    let body = json!({"name": "Havnegata Sentrum", "logo": base64_of(&png(200))});
    let (status, _, unit) = send(&app, patch(path, &write, &body)).await;
    assert_eq!(status, StatusCode::OK, "{unit}");
    assert_eq!(
        (unit["name"].as_str(), unit["has_logo"].as_bool()),
        (Some("Havnegata Sentrum"), Some(true))
    );
    let (_, _, history) = send(&app, get(&format!("{path}/history"), &read)).await;
    let newest: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(newest, ["logo_changed", "renamed"], "{history}");
    assert!(history["items"][0]["who"]
        .as_str()
        .unwrap()
        .starts_with("API key 2 (pk_"));
    assert_eq!(history["items"][0]["acting_as"], "Nordic Integrations AS");

    // The customer reads it on its installation page.
    let havnegata = org_id(&db, "Havnegata Eiendom AS").await;
    let eva = common::sign_in(&app, "eva@havnegata.example").await;
    let (status, _, page) = common::send(
        &app,
        common::page(&format!("/o/{havnegata}/installations/HAV02"), &eva),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Havnegata Sentrum") && page.contains("API key 2 (pk_"),
        "{page}"
    );
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[tokio::test]
async fn unknown_revoked_and_malformed_keys_are_refused_with_a_problem() {
    let (app, db, anna, nordic, demo) = setup().await;
    let k = keys::create(&db, &config(), &anna, nordic, "read")
        .await
        .unwrap();
    let good = basic(&k.key_id, &k.secret);
    let (status, _, _) = send(&app, get("/api/v1/partner/whoami", &good)).await;
    assert_eq!(status, StatusCode::OK);
    // A product's credentials are not a partner key, nor the reverse.
    let product_key = app::features::products::service::credentials::create_key(
        &db,
        &config(),
        &anna,
        nordic,
        demo,
    )
    .await
    .unwrap();
    let wrong = [
        String::new(),
        basic(&k.key_id, "pks_wrongwrongwrongwrongwrongwrongwrongwrongwro"),
        basic(&product_key.client_id, &product_key.secret),
        basic(&k.key_id, &"x".repeat(5000)),
        "Bearer pst_nothing".into(),
    ];
    for auth in &wrong {
        let (status, headers, body) = send(&app, get("/api/v1/partner/sales-units", auth)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{auth}: {body}");
        assert!(headers.contains_key(header::WWW_AUTHENTICATE));
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
    }
    let (status, _, _) = send(&app, check_product(&basic(&k.key_id, &k.secret))).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a partner key is no product credential"
    );
    let listed = keys::list(&db, &anna, nordic).await.unwrap();
    keys::revoke(&db, &anna, nordic, listed.keys[0].id)
        .await
        .unwrap();
    let (status, _, _) = send(&app, get("/api/v1/partner/whoami", &good)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "revoked");
}

fn check_product(auth: &str) -> Request<Body> {
    common::api::check(
        Some(auth),
        r#"{"installation_id": "MSVPAR", "function": "estates.read"}"#,
    )
}
