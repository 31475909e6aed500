//! HTTP tests of the `/api/v1` contract: the OpenAPI document describes every endpoint, and
//! the constraints it states are the ones the handlers enforce.
mod common;

use app::features::products::service::credentials;
use app::server::testing::config;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::api::{basic, check, send, setup};

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
    for (path, methods) in [
        ("/api/v1/orders", &["post", "get"][..]),
        ("/api/v1/orders/{order_id}", &["get", "patch"][..]),
        ("/api/v1/orders/{order_id}/cancel", &["post"][..]),
    ] {
        for m in methods {
            assert!(paths[path][m].is_object(), "{m} {path}");
        }
    }
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
            "installation_unknown",
            "no_order",
            "object_required"
        ])
    );
    // A cancellation's body is optional, as the handler takes it.
    let cancel = &doc["paths"]["/api/v1/orders/{order_id}/cancel"]["post"]["requestBody"];
    assert_ne!(cancel["required"], serde_json::json!(true), "{cancel}");
    // Glossary words are the stored names, as the API writes them.
    assert_eq!(
        doc["components"]["schemas"]["OrderStatus"]["enum"],
        serde_json::json!(["open", "accepted", "completed", "declined", "cancelled"])
    );
}

/// The document's patterns are the server's rules: the same strings, and a regular-expression
/// engine agrees with the validators on what they accept.
#[tokio::test]
async fn the_documented_constraints_are_the_ones_enforced() {
    use app::server::validate::{
        is_installation_id, is_key, is_object_id, is_object_type, INSTALLATION_ID_PATTERN,
        KEY_PATTERN, OBJECT_ID_PATTERN, OBJECT_TYPE_PATTERN,
    };
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
        (
            &schemas["ObjectRef"]["properties"]["type"],
            OBJECT_TYPE_PATTERN,
        ),
        (&schemas["ObjectRef"]["properties"]["id"], OBJECT_ID_PATTERN),
        (
            &schemas["OrderRequest"]["properties"]["installation_id"],
            INSTALLATION_ID_PATTERN,
        ),
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
        ("ObjectRef", serde_json::json!(["type", "id"])),
        (
            "OrderRequest",
            serde_json::json!(["installation_id", "product_id", "object", "ordered_by"]),
        ),
    ] {
        assert_eq!(schemas[schema]["required"], required, "{schema}");
    }
    let id = regex::Regex::new(INSTALLATION_ID_PATTERN).unwrap();
    let object_type = regex::Regex::new(OBJECT_TYPE_PATTERN).unwrap();
    let object_id = regex::Regex::new(OBJECT_ID_PATTERN).unwrap();
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
        "estate",
        "e",
        "1estate",
        "sales_object_2",
        "ord:42.7-x",
        &"a".repeat(64),
        &"a".repeat(65),
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
        assert_eq!(
            object_type.is_match(s),
            is_object_type(s),
            "object type {s:?}"
        );
        assert_eq!(object_id.is_match(s), is_object_id(s), "object ID {s:?}");
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
