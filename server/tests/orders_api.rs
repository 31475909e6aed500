//! HTTP tests of the orders endpoints: the platform posts and cancels with its service token,
//! the partner answers with its product's credentials, another product's credentials are
//! refused, and an order moves only forward.
mod common;

use app::features::products::service::credentials;
use app::server::entities::{product, push_event, user};
use app::server::scope::Actor;
use app::server::testing::config;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::api::{basic, send, setup};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

/// A JSON request with an `Authorization` header.
fn request(method: &str, path: &str, auth: &str, body: Option<Value>) -> Request<Body> {
    Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, auth)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.map_or(Body::empty(), |b| Body::from(b.to_string())))
        .unwrap()
}

fn order_body(installation: &str, product_id: i32, estate: &str) -> Value {
    json!({
        "installation_id": installation,
        "product_id": product_id,
        "object": {"type": "estate", "id": estate},
        "ordered_by": {"name": "Eva Megler", "email": "eva@solheim.example"},
        "data": {"viewings": 2}
    })
}

#[tokio::test]
async fn the_platform_posts_orders_and_the_partner_answers_them() {
    let (app, db, anna, nordic, demo) = setup().await;
    let token = app::server::service_tokens::issue(&db, "platform")
        .await
        .unwrap();
    let bearer = format!("Bearer {token}");
    let key = credentials::create_key(&db, &config(), &anna, nordic, demo)
        .await
        .unwrap();
    let ours = basic(&key.client_id, &key.secret);
    // Brokerbase's rights product and its credentials: another partner's.
    let olav = user::Entity::find()
        .filter(user::Column::Email.eq("olav@brokerbase.example"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let broker = product::Entity::find()
        .filter(product::Column::Name.eq("Brokerbase Listing Sync"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let olav = Actor::user(olav.id, &olav.email, None);
    let theirs = credentials::create_key(&db, &config(), &olav, broker.partner_id, broker.id)
        .await
        .unwrap();
    let theirs = basic(&theirs.client_id, &theirs.secret);

    // Posting needs the service token; a product's credentials are not one.
    let good = order_body("SOLOSL", demo, "2001");
    for auth in ["", ours.as_str(), "Bearer pst_wrong"] {
        let (status, ..) = send(
            &app,
            request("POST", "/api/v1/orders", auth, Some(good.clone())),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{auth}");
    }
    for (bad, says) in [
        (order_body("SOLOSL", broker.id, "1"), "rights product"),
        (order_body("SOLBER", demo, "1"), "not activated"),
        (order_body("NOPE", demo, "1"), "no active installation"),
        (json!({"installation_id": "SOLOSL"}), "JSON like"),
        (order_body("SOLOSL", demo, "1 2"), "object.id"),
    ] {
        let (status, _, v) =
            send(&app, request("POST", "/api/v1/orders", &bearer, Some(bad))).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(v["detail"].as_str().unwrap().contains(says), "{v}");
    }
    let events_before = push_event::Entity::find().all(&db).await.unwrap().len();
    let (status, _, v) = send(&app, request("POST", "/api/v1/orders", &bearer, Some(good))).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    assert_eq!(
        (v["status"].as_str(), v["installation_id"].as_str()),
        (Some("open"), Some("SOLOSL"))
    );
    let id = v["order_id"].as_str().unwrap().to_owned();
    let events = push_event::Entity::find().all(&db).await.unwrap();
    assert_eq!(events.len(), events_before + 1);
    assert_eq!(events.last().unwrap().event_type, "order.created");

    // The order opens access to its estate at once.
    let check = json!({"installation_id": "SOLOSL", "function": "estates.read", "object": {"type": "estate", "id": "2001"}});
    let (_, _, d) = send(
        &app,
        request("POST", "/api/v1/access-checks", &ours, Some(check)),
    )
    .await;
    assert_eq!(d["reason"], "granted", "{d}");

    // Both the platform and the product read it; another product's credentials do not find it.
    let path = format!("/api/v1/orders/{id}");
    for auth in [&bearer, &ours] {
        let (status, _, v) = send(&app, request("GET", &path, auth, None)).await;
        assert_eq!(status, StatusCode::OK, "{v}");
        assert_eq!(v["steps"][0]["by"], "platform");
    }
    for (method, body) in [
        ("GET", None),
        ("PATCH", Some(json!({"status": "accepted"}))),
    ] {
        let (status, ..) = send(&app, request(method, &path, &theirs, body)).await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "{method} with another product's credentials"
        );
    }
    let (status, ..) = send(
        &app,
        request("GET", "/api/v1/orders/ord_nosuch", &bearer, None),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, mine) = send(&app, request("GET", "/api/v1/orders", &theirs, None)).await;
    assert_eq!(mine["items"], json!([]));

    // The partner answers: a decline needs a reason, a cancellation is not the partner's.
    let patch = |body: Value| request("PATCH", &path, &ours, Some(body));
    let (status, _, v) = send(&app, patch(json!({"status": "declined"}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (status, ..) = send(&app, patch(json!({"status": "cancelled"}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, ..) = send(&app, patch(json!({"status": "lost"}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _, v) = send(
        &app,
        patch(json!({"status": "accepted", "message": "Saturday."})),
    )
    .await;
    assert_eq!(
        (status, v["status"].as_str()),
        (StatusCode::OK, Some("accepted")),
        "{v}"
    );
    let (status, _, v) = send(&app, patch(json!({"status": "accepted"}))).await;
    assert_eq!(status, StatusCode::CONFLICT, "{v}");
    assert!(
        v["detail"].as_str().unwrap().contains("already accepted"),
        "{v}"
    );

    // The product lists its orders, newest first, by status; limits are bounded.
    let (status, _, list) = send(
        &app,
        request("GET", "/api/v1/orders?status=accepted&limit=2", &ours, None),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "this order and the demo's accepted one");
    assert_eq!(items[0]["order_id"], id.as_str());
    for bad in ["?limit=0", "?limit=101", "?status=lost", "?cursor=abc"] {
        let (status, ..) = send(
            &app,
            request("GET", &format!("/api/v1/orders{bad}"), &ours, None),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }

    // The platform cancels; a cancelled order cannot be completed; access ends.
    let cancel = format!("{path}/cancel");
    let (status, ..) = send(&app, request("POST", &cancel, &ours, None)).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "only the platform cancels this way"
    );
    let (status, _, v) = send(
        &app,
        request(
            "POST",
            &cancel,
            &bearer,
            Some(json!({"message": "Withdrawn."})),
        ),
    )
    .await;
    assert_eq!(
        (status, v["status"].as_str()),
        (StatusCode::OK, Some("cancelled")),
        "{v}"
    );
    let (status, ..) = send(&app, request("POST", &cancel, &bearer, None)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, ..) = send(&app, patch(json!({"status": "completed"}))).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let check = json!({"installation_id": "SOLOSL", "function": "estates.read", "object": {"type": "estate", "id": "2001"}});
    let (_, _, d) = send(
        &app,
        request("POST", "/api/v1/access-checks", &ours, Some(check)),
    )
    .await;
    assert_eq!(d["reason"], "no_order", "{d}");
    let last = push_event::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(last.event_type, "order.cancelled");
}
