//! HTTP tests of `/api/v1`: every reason code, Basic auth (401 with `WWW-Authenticate`),
//! rotation and revocation, malformed bodies (422), problem documents, the methods list and
//! events.
mod common;

use app::features::products::service::credentials;
use app::server::testing::config;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::api::{basic, check, send, setup};

#[tokio::test]
async fn access_checks_answer_every_reason() {
    let (app, conn, anna, nordic, demo) = setup().await;
    let key = credentials::create_key(&conn, &config(), &anna, nordic, demo)
        .await
        .unwrap();
    let auth = basic(&key.client_id, &key.secret);
    // The demo's Nordic Showing Planner is an order integration product: estates.read and
    // viewings.create act on one estate, and the demo has orders on SOLOSL for estates 1042
    // (open), 1043 (accepted), 987 (completed today) and 1050 (declined).
    let cases = [
        ("SOLOSL", "estates.read", None, false, "object_required"),
        ("SOLOSL", "estates.read", Some("1042"), true, "granted"),
        ("SOLOSL", "viewings.create", Some("987"), true, "granted"),
        ("SOLOSL", "estates.read", Some("1050"), false, "no_order"),
        ("SOLOSL", "estates.read", Some("9999"), false, "no_order"),
        ("solosl", "viewings.list", None, true, "granted"),
        ("SOLOSL", "bids.read", None, false, "function_not_granted"),
        (
            "SOLBER",
            "estates.read",
            Some("1042"),
            false,
            "not_activated",
        ),
        (
            "NOPE42",
            "estates.read",
            None,
            false,
            "installation_unknown",
        ),
    ];
    for (inst, function, estate, allowed, reason) in cases {
        let mut body = serde_json::json!({ "installation_id": inst, "function": function });
        if let Some(id) = estate {
            body["object"] = serde_json::json!({"type": "estate", "id": id});
        }
        let body = body.to_string();
        let (status, _, v) = send(&app, check(Some(&auth), &body)).await;
        assert_eq!(status, StatusCode::OK, "{inst} {function}: {v}");
        assert_eq!(
            (v["allowed"].as_bool(), v["reason"].as_str()),
            (Some(allowed), Some(reason)),
            "{inst} {function}: {v}"
        );
        assert_eq!(v["product_id"], demo);
        assert!(
            !v.to_string().contains(&key.secret),
            "no secrets in responses"
        );
    }
    let (_, _, v) = send(
        &app,
        check(
            Some(&auth),
            r#"{"installation_id":"SOLOSL","function":"estates.read","object":{"type":"estate","id":"1043"}}"#,
        ),
    )
    .await;
    assert_eq!(v["version"], 1);
    assert_eq!(v["object_type"], "estate");
    assert_eq!(
        v["filters"]["status"],
        serde_json::json!(["for_sale", "reserved"])
    );
}

#[tokio::test]
async fn bad_credentials_get_401_and_bad_bodies_422() {
    let (app, conn, anna, nordic, demo) = setup().await;
    let k1 = credentials::create_key(&conn, &config(), &anna, nordic, demo)
        .await
        .unwrap();
    let k2 = credentials::create_key(&conn, &config(), &anna, nordic, demo)
        .await
        .unwrap();
    let body = r#"{"installation_id":"SOLOSL","function":"estates.read"}"#;
    for auth in [
        None,
        Some(basic(&k1.client_id, "psk_wrong")),
        Some(basic("pc_unknown", &k1.secret)),
        Some("Bearer x".to_string()),
    ] {
        let (status, headers, v) = send(&app, check(auth.as_deref(), body)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{auth:?}");
        assert!(headers[header::WWW_AUTHENTICATE]
            .to_str()
            .unwrap()
            .starts_with("Basic"));
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
        assert_eq!(v["status"], 401);
    }
    // Rotation: both keys work; a revoked key gets 401 at once.
    for k in [&k1, &k2] {
        assert_eq!(
            send(&app, check(Some(&basic(&k.client_id, &k.secret)), body))
                .await
                .0,
            StatusCode::OK
        );
    }
    let listed = credentials::credentials(&conn, &anna, nordic, demo)
        .await
        .unwrap();
    credentials::revoke_key(
        &conn,
        &anna,
        nordic,
        demo,
        listed.keys.iter().find(|k| k.slot == 1).unwrap().id,
    )
    .await
    .unwrap();
    assert_eq!(
        send(&app, check(Some(&basic(&k1.client_id, &k1.secret)), body))
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&app, check(Some(&basic(&k2.client_id, &k2.secret)), body))
            .await
            .0,
        StatusCode::OK
    );
    // Malformed bodies.
    let auth = basic(&k2.client_id, &k2.secret);
    for bad in [
        "",
        "not json",
        r#"{"installation_id":"SOLOSL"}"#,
        r#"{"installation_id":"","function":"estates.read"}"#,
        "[]",
    ] {
        let (status, headers, v) = send(&app, check(Some(&auth), bad)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
        assert_eq!(v["status"], 422);
    }
}

#[tokio::test]
async fn methods_lists_what_the_credential_may_call() {
    let (app, conn, anna, nordic, demo) = setup().await;
    let k = credentials::create_key(&conn, &config(), &anna, nordic, demo)
        .await
        .unwrap();
    let get = |path: &str| {
        Request::get(path)
            .header(header::AUTHORIZATION, basic(&k.client_id, &k.secret))
            .body(Body::empty())
            .unwrap()
    };
    let (status, _, v) = send(&app, get("/api/v1/installations/SOLOSL/methods")).await;
    assert_eq!(status, StatusCode::OK);
    let functions: Vec<&str> = v["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["function"].as_str().unwrap())
        .collect();
    assert_eq!(
        functions,
        vec!["estates.read", "viewings.create", "viewings.list"]
    );
    let scoped: Vec<&serde_json::Value> = v["methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["object_type"])
        .collect();
    let estate = serde_json::json!("estate");
    assert_eq!(scoped, vec![&estate, &estate, &serde_json::Value::Null]);
    let (_, _, v) = send(&app, get("/api/v1/installations/SOLBER/methods")).await;
    assert_eq!(
        (v["reason"].as_str(), v["methods"].as_array().map(Vec::len)),
        (Some("not_activated"), Some(0))
    );
    let unauth = Request::get("/api/v1/installations/SOLOSL/methods")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, unauth).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn events_need_a_service_token_and_a_valid_body() {
    let (app, db, ..) = setup().await;
    let token = app::server::service_tokens::issue(&db, "gateway")
        .await
        .unwrap();
    let post = |auth: Option<String>, body: &str| {
        let mut b =
            Request::post("/api/v1/events").header(header::CONTENT_TYPE, "application/json");
        if let Some(a) = auth {
            b = b.header(header::AUTHORIZATION, a);
        }
        b.body(Body::from(body.to_owned())).unwrap()
    };
    let good =
        r#"{"installation_id": "MSVPAR", "type": "estate.changed", "data": {"estate_id": 1}}"#;
    for auth in [
        None,
        Some("Bearer pst_wrong".to_string()),
        Some(basic("a", "b")),
    ] {
        let (status, headers, body) = send(&app, post(auth, good)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(headers[header::WWW_AUTHENTICATE]
            .to_str()
            .unwrap()
            .starts_with("Bearer"));
        assert_eq!(body["status"], 401);
    }
    let bearer = Some(format!("Bearer {token}"));
    for bad in [
        "not json",
        r#"{"installation_id": "MSVPAR"}"#,
        r#"{"installation_id": "NOPE", "type": "estate.changed", "data": {}}"#,
        r#"{"installation_id": "MSVPAR", "type": "no.such.event", "data": {}}"#,
        r#"{"installation_id": "MSVPAR", "type": "estate.changed", "data": 3}"#,
    ] {
        let (status, headers, body) = send(&app, post(bearer.clone(), bad)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/problem+json");
        assert!(body["detail"].is_string());
    }
    let (status, _, body) = send(&app, post(bearer, good)).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    assert!(body["event_id"].as_str().unwrap().starts_with("evt_"));
}
