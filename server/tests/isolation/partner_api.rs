//! The Partner API keys' server functions, for the isolation test.
use super::common::{call, form, send};
use app::features::partner_api::api::*;
use axum::http::StatusCode;
use axum::Router;
use leptos::server_fn::ServerFn;

/// Calls an outsider must be refused, as (path, form body).
pub fn calls(nordic: &str) -> Vec<(&'static str, String)> {
    vec![
        (GetPartnerKeys::PATH, form(&[("org_id", nordic)])),
        (
            RevokePartnerKey::PATH,
            form(&[("org_id", nordic), ("key_id", "1")]),
        ),
    ]
}

/// "Create API key" (a plain form) refuses an outsider (who reads Norwegian) and shows no
/// secret.
pub async fn create_form_refuses(app: &Router, nordic: &str, cookie: &str) {
    let path = format!("/o/{nordic}/api-keys/new");
    let (status, _, page) = send(app, call(&path, "access=read_write", Some(cookie))).await;
    // The page answers in the app's shell: not a member of the partner, she is refused there.
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        page.contains("Du har ikke tilgang til denne siden") && !page.contains("pks_"),
        "{page}"
    );
}
