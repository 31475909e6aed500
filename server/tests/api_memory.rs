//! Strangers cannot grow the server's memory through `/api/v1`: 20,000 requests with distinct
//! 64 KB client IDs, and 5,000 with distinct well-formed but unknown ones, leave the access
//! cache and the limiters as they were, and the process's resident memory within a few MB.
mod common;

use app::glossary::Environment;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use common::*;
use server::api_v1::ApiState;
use tower::ServiceExt;

/// This process's resident memory in bytes (Linux).
fn rss() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn check_with(client: &str) -> Request<Body> {
    let auth = format!("Basic {}", STANDARD.encode(format!("{client}:psk_x")));
    Request::post("/api/v1/access-checks")
        .header("authorization", auth)
        .header("content-type", "application/json")
        .body(Body::from(
            r#"{"installation_id": "SOLOSL", "function": "estates.read"}"#,
        ))
        .unwrap()
}

#[tokio::test]
async fn bogus_client_ids_leave_memory_bounded() {
    let (_, db) = app_with(Environment::Test).await;
    let state = app::server::AppState::new(db, app::server::testing::config());
    let api = ApiState::new(10_000, 600);
    let app = server::router::router_with(
        state,
        leptos::prelude::LeptosOptions::builder()
            .output_name("portico")
            .build(),
        api.clone(),
    );
    // Warm up allocator pools and lazy statics with a few of each.
    for i in 0..200 {
        let _ = app
            .clone()
            .oneshot(check_with(&format!("pc_{i:024}")))
            .await;
    }
    let before = rss();
    let big = "x".repeat(64 * 1024);
    for i in 0..20_000 {
        let res = app
            .clone()
            .oneshot(check_with(&format!("{i}{big}")))
            .await
            .unwrap();
        assert!(matches!(
            res.status(),
            StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS
        ));
    }
    for i in 0..5_000 {
        let res = app
            .clone()
            .oneshot(check_with(&format!("pc_{:024}", 1_000_000 + i)))
            .await
            .unwrap();
        assert!(matches!(
            res.status(),
            StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS
        ));
    }
    let after = rss();
    let grown = after.saturating_sub(before);
    println!(
        "RSS before {} KB, after 25,000 bogus client IDs {} KB: grew {} KB",
        before / 1024,
        after / 1024,
        grown / 1024
    );
    assert_eq!(api.cache.sizes(), (0, 0), "no unknown credential is kept");
    let (credentials, addresses) = api.limiter_keys();
    assert_eq!(credentials, 0);
    assert!(addresses <= 1, "one client address: {addresses}");
    assert!(grown < 8 * 1024 * 1024, "grew {} KB", grown / 1024);
}
