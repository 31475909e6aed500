//! The Partner API keys' server functions, for the isolation test.
use super::common::form;
use app::features::partner_api::api::*;
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
