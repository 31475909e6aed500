//! The Partner API's product orders over HTTP with the demo data: an `Idempotency-Key` is
//! required and answers the same order for the same body; a `read` key cannot create or
//! delete; another partner's key finds nothing; a submitted order can no longer be deleted.
mod common;

use app::features::partner_api::service::keys;
use app::features::product_orders::service::review;
use app::server::testing::config;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::api::{basic, send, setup};
use common::org_id;
use serde_json::{json, Value};

async fn key(db: &sea_orm::DatabaseConnection, partner: i32, access: &str) -> String {
    let k = keys::create_from_cli(db, &config(), &partner.to_string(), access)
        .await
        .unwrap();
    basic(&k.key_id, &k.secret)
}

fn request(
    method: &str,
    path: &str,
    auth: &str,
    idempotency: Option<&str>,
    body: Option<&Value>,
) -> Request<Body> {
    let mut b = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, auth)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(k) = idempotency {
        b = b.header("idempotency-key", k);
    }
    b.body(body.map_or(Body::empty(), |v| Body::from(v.to_string())))
        .unwrap()
}

fn order(business_id: &str, name: &str) -> Value {
    json!({
        "business_identifier": {"scheme": "business:NO:ORG", "id": business_id},
        "product_id": 1,
        "sales_unit_name": name,
        "contact_email": "kari@solheim.example",
        "note": "From our CRM."
    })
}

#[tokio::test]
async fn partners_prefill_product_orders_from_code() {
    let (app, db, _, nordic, _) = setup().await;
    let broker = org_id(&db, "Brokerbase Software AS").await;
    let write = key(&db, nordic, "read_write").await;
    let read = key(&db, nordic, "read").await;
    let theirs = key(&db, broker, "read_write").await;
    let path = "/api/v1/partner/product-orders";
    let body = order("912345688", "Solheim Drammen");

    // A read key may not; a key is needed and must look like one.
    let (status, ..) = send(&app, request("POST", path, &read, Some("k-1"), Some(&body))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for k in [None, Some(""), Some("has space"), Some(&*"x".repeat(51))] {
        let (status, _, v) = send(&app, request("POST", path, &write, k, Some(&body))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{k:?}: {v}");
    }
    // Bad input is named, and makes nothing.
    for (bad, says) in [
        (order("912345687", "Solheim"), "check digit"),
        (order("912345688", "<script>"), "name"),
        (json!({"product_id": 1}), "JSON like"),
    ] {
        let (status, _, v) = send(
            &app,
            request("POST", path, &write, Some("bad-1"), Some(&bad)),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(v["detail"].as_str().unwrap().contains(says), "{v}");
    }
    // Created, with its link; the same key and body answer the same order.
    let (status, headers, made) = send(
        &app,
        request("POST", path, &write, Some("crm-42"), Some(&body)),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert!(!headers.contains_key("idempotent-replayed"));
    let id = made["product_order_id"].as_str().unwrap().to_owned();
    let link = made["prefill_url"].as_str().unwrap().to_owned();
    assert!(
        link.contains("/sign-up/") && made["expires_at"].is_string(),
        "{made}"
    );
    let reordered = json!({"note": "From our CRM.", "contact_email": "kari@solheim.example",
        "sales_unit_name": "Solheim Drammen", "product_id": 1,
        "business_identifier": {"id": "912345688", "scheme": "business:NO:ORG"}});
    let (status, headers, again) = send(
        &app,
        request("POST", path, &write, Some("crm-42"), Some(&reordered)),
    )
    .await;
    assert_eq!(
        (status, again["product_order_id"].as_str()),
        (StatusCode::CREATED, Some(id.as_str()))
    );
    assert_eq!(headers["idempotent-replayed"], "true");
    let (status, _, v) = send(
        &app,
        request(
            "POST",
            path,
            &write,
            Some("crm-42"),
            Some(&order("912345688", "Other")),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");

    // It is in the list and readable; another partner's key finds nothing.
    let (_, _, list) = send(&app, request("GET", path, &read, None, None)).await;
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["product_order_id"] == id.as_str()),
        "{list}"
    );
    let one = format!("{path}/{id}");
    let (status, _, v) = send(&app, request("GET", &one, &read, None, None)).await;
    assert_eq!(
        (status, v["status"].as_str()),
        (StatusCode::OK, Some("RECEIVED")),
        "{v}"
    );
    assert_eq!(v["steps"][0]["status"], "RECEIVED");
    let (_, _, list) = send(&app, request("GET", path, &theirs, None, None)).await;
    assert!(!list.to_string().contains(&id));
    for method in ["GET", "DELETE"] {
        let (status, ..) = send(&app, request(method, &one, &theirs, None, None)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method}");
    }
    for bad in ["?limit=0", "?limit=101", "?status=LOST", "?cursor=x"] {
        let (status, ..) = send(
            &app,
            request("GET", &format!("{path}{bad}"), &read, None, None),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }

    // The customer submits it: now it can no longer be deleted.
    let kari = common::api::actor(&db, "kari@solheim.example").await;
    let token = link.rsplit('/').next().unwrap();
    let submit = review::SubmitInput {
        sales_unit_name: "Solheim Drammen".into(),
        consent: true,
        ..Default::default()
    };
    review::submit(&db, &config(), &kari, token, submit)
        .await
        .unwrap();
    let (status, _, v) = send(&app, request("DELETE", &one, &write, None, None)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{v}");
    // Another, not yet submitted, is deleted (a read key may not).
    let (_, _, other) = send(
        &app,
        request(
            "POST",
            path,
            &write,
            Some("crm-43"),
            Some(&order("910000020", "Newco")),
        ),
    )
    .await;
    let other = format!("{path}/{}", other["product_order_id"].as_str().unwrap());
    let (status, ..) = send(&app, request("DELETE", &other, &read, None, None)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, ..) = send(&app, request("DELETE", &other, &write, None, None)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, ..) = send(&app, request("GET", &other, &read, None, None)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The templates of the demo.
    let (status, _, t) = send(
        &app,
        request(
            "GET",
            "/api/v1/partner/product-order-templates",
            &read,
            None,
            None,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        t["items"][0]["link"]
            .as_str()
            .unwrap()
            .contains("/sign-up/template/"),
        "{t}"
    );
}
