//! HTTP tests of `/api/v1`: every reason code, Basic auth (401 with `WWW-Authenticate`),
//! rotation and revocation, malformed bodies (422), problem documents, and the methods list.
mod common;

use app::features::products::service::credentials;
use app::server::entities::{organization, user};
use app::server::scope::Actor;
use app::server::testing::config;
use app::server::{db, AppState};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use leptos::prelude::LeptosOptions;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::Value;
use tower::ServiceExt;

/// The demo world, and Anna (Nordic's admin) acting on the demo product (version 1 on MSVPAR
/// and SOLOSL: estates.read for sale or reserved, viewings.list, viewings.create).
async fn setup() -> (Router, DatabaseConnection, Actor, i32, i32) {
    let conn = db::connect("sqlite::memory:").await.unwrap();
    db::migrate(&conn).await.unwrap();
    server::seed::seed_demo(&conn, &config()).await.unwrap();
    let state = AppState::new(conn.clone(), config());
    let app = server::router::router(
        state,
        LeptosOptions::builder().output_name("portico").build(),
    );
    let anna = user::Entity::find()
        .filter(user::Column::Email.eq("anna@nordic-integrations.example"))
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    let nordic = organization::Entity::find()
        .filter(organization::Column::Name.eq("Nordic Integrations AS"))
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    let demo = common::demo_product(&conn).await;
    (
        app,
        conn,
        Actor::user(anna.id, &anna.email, None),
        nordic.id,
        demo.id,
    )
}

fn basic(client: &str, secret: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{client}:{secret}")))
}

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Value) {
    let res = app.clone().oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    (
        status,
        headers,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn check(auth: Option<&str>, body: &str) -> Request<Body> {
    let mut b =
        Request::post("/api/v1/access-checks").header(header::CONTENT_TYPE, "application/json");
    if let Some(a) = auth {
        b = b.header(header::AUTHORIZATION, a);
    }
    b.body(Body::from(body.to_owned())).unwrap()
}

#[tokio::test]
async fn access_checks_answer_every_reason() {
    let (app, conn, anna, nordic, demo) = setup().await;
    let key = credentials::create_key(&conn, &config(), &anna, nordic, demo)
        .await
        .unwrap();
    let auth = basic(&key.client_id, &key.secret);
    let cases = [
        ("SOLOSL", "estates.read", true, "granted"),
        ("solosl", "viewings.list", true, "granted"),
        ("SOLOSL", "bids.read", false, "function_not_granted"),
        ("SOLBER", "estates.read", false, "not_activated"),
        ("NOPE42", "estates.read", false, "installation_unknown"),
    ];
    for (inst, function, allowed, reason) in cases {
        let body = serde_json::json!({ "installation_id": inst, "function": function }).to_string();
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
            r#"{"installation_id":"SOLOSL","function":"estates.read"}"#,
        ),
    )
    .await;
    assert_eq!(v["version"], 1);
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
async fn the_openapi_document_describes_every_endpoint() {
    let (app, ..) = setup().await;
    let (status, _, doc) = send(
        &app,
        Request::get("/api/v1/openapi.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3."),
        "{}",
        doc["openapi"]
    );
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths["/api/v1/access-checks"]["post"].is_object());
    assert!(paths["/api/v1/installations/{installation_id}/methods"]["get"].is_object());
    assert!(paths["/api/v1/events"]["post"].is_object());
    for schema in [
        "CheckRequest",
        "AccessDecision",
        "AccessReason",
        "MethodDto",
        "Problem",
        "MethodsResponse",
        "EventRequest",
        "EventAccepted",
    ] {
        assert!(
            doc["components"]["schemas"][schema].is_object(),
            "schema {schema}"
        );
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["basic"]["scheme"],
        "basic"
    );
    // Every $ref points at a schema that exists.
    let text = doc.to_string();
    for r in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = r.split('"').next().unwrap();
        assert!(
            doc["components"]["schemas"][name].is_object(),
            "dangling $ref to {name}"
        );
    }
    let reasons = &doc["components"]["schemas"]["AccessReason"]["enum"];
    assert_eq!(
        reasons,
        &serde_json::json!([
            "granted",
            "not_activated",
            "function_not_granted",
            "installation_unknown"
        ])
    );
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

/// The document's patterns are the server's rules: the same strings, and a regular-expression
/// engine agrees with the validators on what they accept.
#[tokio::test]
async fn the_documented_constraints_are_the_ones_enforced() {
    use app::server::validate::{is_installation_id, is_key, INSTALLATION_ID_PATTERN, KEY_PATTERN};
    let (app, conn, anna, nordic, demo) = setup().await;
    let (_, _, doc) = send(
        &app,
        Request::get("/api/v1/openapi.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    let schemas = &doc["components"]["schemas"];
    let path_param =
        &doc["paths"]["/api/v1/installations/{installation_id}/methods"]["get"]["parameters"][0];
    for (field, want) in [
        (
            &schemas["CheckRequest"]["properties"]["installation_id"],
            INSTALLATION_ID_PATTERN,
        ),
        (
            &schemas["EventRequest"]["properties"]["installation_id"],
            INSTALLATION_ID_PATTERN,
        ),
        (&path_param["schema"], INSTALLATION_ID_PATTERN),
        (
            &schemas["CheckRequest"]["properties"]["function"],
            KEY_PATTERN,
        ),
        (&schemas["EventRequest"]["properties"]["type"], KEY_PATTERN),
    ] {
        assert_eq!(field["pattern"], want, "{field}");
    }
    for (schema, required) in [
        (
            "CheckRequest",
            serde_json::json!(["installation_id", "function"]),
        ),
        (
            "EventRequest",
            serde_json::json!(["installation_id", "type", "data"]),
        ),
    ] {
        assert_eq!(schemas[schema]["required"], required, "{schema}");
    }
    let id = regex::Regex::new(INSTALLATION_ID_PATTERN).unwrap();
    let key = regex::Regex::new(KEY_PATTERN).unwrap();
    let samples = [
        "",
        "M",
        "MS",
        "msvpar",
        "MSVPAR",
        "123456",
        "a-b_c",
        " MSVPAR",
        "MSVPAR ",
        "MSVPAR\n",
        "ÆØÅ123",
        "estates.read",
        "estates..read",
        ".estates",
        "estates.",
        "Estates.read",
        "v2_x.y_3",
        "a.b.c",
        "estates read",
        &"A".repeat(32),
        &"A".repeat(33),
        &format!("{}.x", "a".repeat(97)),
        &format!("{}.x", "a".repeat(98)),
    ];
    for s in samples {
        assert_eq!(
            id.is_match(s),
            is_installation_id(s),
            "installation ID {s:?}"
        );
        // The pattern has no length; the document adds maxLength 100.
        assert_eq!(key.is_match(s) && s.len() <= 100, is_key(s), "key {s:?}");
    }
    // Over HTTP: values are taken exactly as sent.
    let k = credentials::create_key(&conn, &config(), &anna, nordic, demo)
        .await
        .unwrap();
    let auth = basic(&k.client_id, &k.secret);
    for (body, want) in [
        (
            r#"{"installation_id":"solosl","function":"estates.read"}"#,
            StatusCode::OK,
        ),
        (
            r#"{"installation_id":"NOSUCH","function":"estates.read"}"#,
            StatusCode::OK,
        ),
        (
            r#"{"installation_id":" SOLOSL","function":"estates.read"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"installation_id":"SOLOSL\n","function":"estates.read"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"installation_id":"SOLOSL","function":"Estates.read"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"installation_id":"SOLOSL","function":""}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            r#"{"installation_id":"SOLOSL","function":7}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        assert_eq!(send(&app, check(Some(&auth), body)).await.0, want, "{body}");
    }
    for (path, want) in [
        ("solosl", StatusCode::OK),
        ("S", StatusCode::UNPROCESSABLE_ENTITY),
        ("SOLOSL%20", StatusCode::UNPROCESSABLE_ENTITY),
        ("%FF%FE", StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let req = Request::get(format!("/api/v1/installations/{path}/methods"))
            .header(header::AUTHORIZATION, &auth)
            .body(Body::empty())
            .unwrap();
        let (status, _, v) = send(&app, req).await;
        assert_eq!(status, want, "{path}");
        if status == StatusCode::OK {
            assert_eq!(v["installation_id"], "SOLOSL");
        }
    }
}
