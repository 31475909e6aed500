//! What the HTTP tests share: the router on a fresh demo database, requests as the browser
//! makes them, and signing in through the dev mailbox.
#![allow(dead_code)]
use app::error::AppError;
pub use app::features::accounts::api::{ConfirmSignIn, RequestSignIn};
use app::glossary::Environment;
use app::server::entities::{organization, product};
use app::server::testing::config_for;
use app::server::{db, AppState, Config};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use leptos::prelude::LeptosOptions;
use leptos::server_fn::ServerFn;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use std::collections::HashMap;
use tower::ServiceExt;

pub mod api;

/// Makes the tests of one binary that serve pages run one after another. Each `#[tokio::test]`
/// has its own runtime; Leptos' page rendering in several runtimes of one process at once was
/// seen to hang now and then (a render waiting forever, every thread idle), which a server,
/// with its one runtime, never does. The test's thread holds the lock until it ends (its
/// thread-local guard drops then); a thread that already holds it (all tests on one thread,
/// `--test-threads=1`) goes on.
pub fn one_router_at_a_time() {
    use std::cell::RefCell;
    use std::sync::{Mutex, MutexGuard};
    static SERIAL: Mutex<()> = Mutex::new(());
    thread_local! {
        static HELD: RefCell<Option<MutexGuard<'static, ()>>> = const { RefCell::new(None) };
    }
    HELD.with(|held| {
        if held.borrow().is_none() {
            // A test that failed while holding it poisons it; the next one may still run.
            let guard = SERIAL
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            *held.borrow_mut() = Some(guard);
        }
    });
}

/// The router, in `env`, on a fresh in-memory database with the demo data.
pub async fn app_with(env: Environment) -> (Router, DatabaseConnection) {
    app_with_config(config_for(env)).await
}

pub async fn app_with_config(config: Config) -> (Router, DatabaseConnection) {
    let conn = db::connect("sqlite::memory:").await.unwrap();
    app_on(conn, config).await
}

/// The router on `conn` (migrated here, with the demo data).
pub async fn app_on(conn: DatabaseConnection, config: Config) -> (Router, DatabaseConnection) {
    one_router_at_a_time();
    db::migrate(&conn).await.unwrap();
    server::seed::seed_demo(&conn, &config).await.unwrap();
    let state = AppState::new(conn.clone(), config);
    let options = LeptosOptions::builder().output_name("portico").build();
    (server::router::router(state, options), conn)
}

pub async fn org_id(db: &DatabaseConnection, name: &str) -> i32 {
    organization::Entity::find()
        .filter(organization::Column::Name.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The demo product, "Nordic Showing Planner".
pub async fn demo_product(db: &DatabaseConnection) -> product::Model {
    product::Entity::find()
        .filter(product::Column::Name.eq("Nordic Showing Planner"))
        .one(db)
        .await
        .unwrap()
        .expect("the demo product")
}

/// A page as a signed-in browser asks for it (browsers ask for HTML when they open a page).
pub fn page(path: &str, cookie: &str) -> Request<Body> {
    Request::get(path)
        .header(header::COOKIE, format!("portico_session={cookie}"))
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .body(Body::empty())
        .unwrap()
}

/// A same-origin server function call as the browser's JavaScript makes it.
pub fn call(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header("sec-fetch-site", "same-origin");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, format!("portico_session={c}"));
    }
    b.body(Body::from(body.to_owned())).unwrap()
}

/// Sends a request; returns the status, the headers (one that comes several times, such as
/// `set-cookie`, with its values on separate lines) and the body.
pub async fn send(
    app: &Router,
    req: Request<Body>,
) -> (StatusCode, HashMap<String, String>, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let mut headers: HashMap<String, String> = HashMap::new();
    for (k, v) in res.headers() {
        let v = v.to_str().unwrap_or("");
        headers
            .entry(k.to_string())
            .and_modify(|all| {
                all.push('\n');
                all.push_str(v);
            })
            .or_insert_with(|| v.to_owned());
    }
    let bytes = axum::body::to_bytes(res.into_body(), 10 << 20)
        .await
        .unwrap();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{k}={}",
                v.replace('%', "%25")
                    .replace('@', "%40")
                    .replace(' ', "+")
                    .replace('&', "%26")
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Signs in over HTTP through the dev mailbox and returns the session cookie's value.
pub async fn sign_in(app: &Router, email: &str) -> String {
    let (status, _, body) = send(
        app,
        call(RequestSignIn::PATH, &form(&[("email", email)]), None),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let link = mailed_link(app, email).await;
    let token = link_token(&link);
    let (status, headers, body) = send(
        app,
        call(ConfirmSignIn::PATH, &form(&[("token", token)]), None),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let cookie = headers
        .get("set-cookie")
        .and_then(|all| all.lines().find(|c| c.starts_with("portico_session=")))
        .expect("a session cookie")
        .to_owned();
    for attr in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attr), "cookie lacks {attr}: {cookie}");
    }
    let value = cookie
        .split(';')
        .next()
        .unwrap()
        .strip_prefix("portico_session=")
        .unwrap()
        .to_owned();
    assert!(value.len() >= 43, "at least 256 bits of randomness");
    value
}

/// The first link of the newest mail to `email` in the dev mailbox.
pub async fn mailed_link(app: &Router, email: &str) -> String {
    let (status, _, mailbox) = send(
        app,
        Request::get("/dev/mailbox.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let mails: Vec<serde_json::Value> = serde_json::from_str(&mailbox).unwrap();
    mails
        .iter()
        .find(|m| m["to"] == email)
        .expect("mail to the user")["links"][0]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The token of an e-mailed sign-in link (`…/sign-in/confirm?token=…[&next=…]`).
pub fn link_token(link: &str) -> &str {
    let rest = link.split_once("token=").expect("a token in the link").1;
    rest.split('&').next().unwrap_or(rest)
}

pub fn error_of(body: &str) -> AppError {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not an AppError ({e}): {body}"))
}
