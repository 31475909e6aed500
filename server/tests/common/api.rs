//! What the `/api/v1` tests share: the demo world with Anna acting on the demo product, Basic
//! credentials, and JSON requests and answers.
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
pub async fn setup() -> (Router, DatabaseConnection, Actor, i32, i32) {
    // Some of these tests render pages too (the customer reads what a key changed): one at a
    // time, as every test that serves pages (a render in two runtimes at once was seen to hang
    // here too, in partner_api).
    super::one_router_at_a_time();
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
    let demo = super::demo_product(&conn).await;
    (
        app,
        conn,
        Actor::user(anna.id, &anna.email, None),
        nordic.id,
        demo.id,
    )
}

/// A Basic `Authorization` header value.
pub fn basic(client: &str, secret: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{client}:{secret}")))
}

/// Sends `req`; the status, headers and JSON body (`Null` when not JSON).
pub async fn send(app: &Router, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Value) {
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

/// A `POST /api/v1/access-checks` with `body`, authenticated by `auth` if given.
pub fn check(auth: Option<&str>, body: &str) -> Request<Body> {
    let mut b =
        Request::post("/api/v1/access-checks").header(header::CONTENT_TYPE, "application/json");
    if let Some(a) = auth {
        b = b.header(header::AUTHORIZATION, a);
    }
    b.body(Body::from(body.to_owned())).unwrap()
}

/// The actor of the demo user with this e-mail.
pub async fn actor(db: &DatabaseConnection, email: &str) -> Actor {
    let u = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    Actor::user(u.id, &u.email, None)
}
