//! The built bundle over HTTP: precompressed files chosen by `Accept-Encoding`, hashed names
//! cached for a year, everything else revalidated, pages kept out of shared caches.
mod common;

use app::glossary::Environment;
use app::server::testing::config_for;
use app::server::{db, AppState};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::send;
use leptos::prelude::LeptosOptions;

/// A site directory as `cargo leptos build --release --precompress` leaves it: each bundle
/// file with its brotli and gzip siblings (here with recognisable contents, not real ones).
fn site(dir: &std::path::Path) {
    let pkg = dir.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("portico.abc123.wasm"), "raw wasm").unwrap();
    std::fs::write(pkg.join("portico.abc123.wasm.br"), "brotli wasm").unwrap();
    std::fs::write(pkg.join("portico.abc123.wasm.gz"), "gzip wasm").unwrap();
}

async fn app(site_root: &std::path::Path, hashed: bool) -> Router {
    let conn = db::connect("sqlite::memory:").await.unwrap();
    db::migrate(&conn).await.unwrap();
    let state = AppState::new(conn, config_for(Environment::Dev));
    let options = LeptosOptions::builder()
        .output_name("portico")
        .site_root(site_root.to_str().unwrap())
        .site_pkg_dir("pkg")
        .hash_files(hashed)
        .build();
    server::router::router(state, options)
}

fn get(path: &str, accept_encoding: Option<&str>) -> Request<Body> {
    let mut b = Request::get(path);
    if let Some(e) = accept_encoding {
        b = b.header(header::ACCEPT_ENCODING, e);
    }
    b.body(Body::empty()).unwrap()
}

// One test runs both cases in turn. As two parallel tests, a page render once failed reading
// the hash file that only the hashed router asks for (which these tests do not have): Leptos
// renders on a process-wide executor, which we suspect carried the other router's options.
#[tokio::test]
async fn the_bundle_is_served_precompressed_and_hashed_names_are_kept_a_year() {
    unhashed_names_are_revalidated_and_pages_are_private().await;
    hashed_names_are_kept_a_year().await;
}

async fn hashed_names_are_kept_a_year() {
    let dir = std::env::temp_dir().join(format!("portico-assets-{}", std::process::id()));
    site(&dir);
    let app = app(&dir, true).await;
    let wasm = "/pkg/portico.abc123.wasm";

    let (status, headers, body) = send(&app, get(wasm, Some("gzip, deflate, br"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, "brotli wasm");
    assert_eq!(headers["content-encoding"], "br");
    assert_eq!(headers["content-type"], "application/wasm");
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(headers["vary"]
        .to_ascii_lowercase()
        .contains("accept-encoding"));

    let (_, headers, body) = send(&app, get(wasm, Some("gzip"))).await;
    assert_eq!(
        (body.as_str(), headers["content-encoding"].as_str()),
        ("gzip wasm", "gzip")
    );

    let (_, headers, body) = send(&app, get(wasm, None)).await;
    assert_eq!(body, "raw wasm");
    assert!(!headers.contains_key("content-encoding"));

    // Pages differ per user: revalidated, never in a shared cache. (Pages are rendered here,
    // without a hash file: the server turns hashed names on only when it has one.)
    let (status, headers, _) = send(&app, get("/sign-in", Some("br"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "private, no-cache");
    std::fs::remove_dir_all(&dir).unwrap();
}

async fn unhashed_names_are_revalidated_and_pages_are_private() {
    let dir = std::env::temp_dir().join(format!("portico-assets-plain-{}", std::process::id()));
    site(&dir);
    let app = app(&dir, false).await;
    let (status, headers, _) = send(&app, get("/pkg/portico.abc123.wasm", Some("br"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "no-cache");

    // A name that is not in the build is not found, and nobody may keep that answer.
    let (status, headers, _) = send(&app, get("/pkg/portico.old999.wasm", Some("br"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(headers["cache-control"], "no-cache");

    // Pages differ per user: revalidated, never in a shared cache. (Pages are rendered here,
    // without a hash file: the server turns hashed names on only when it has one.)
    let (status, headers, _) = send(&app, get("/sign-in", Some("br"))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "private, no-cache");
    std::fs::remove_dir_all(&dir).unwrap();
}
