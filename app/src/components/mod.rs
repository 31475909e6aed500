//! Small UI pieces the features' pages share: the page frame (loading, errors, header, empty
//! states, tables), alerts, badges and copy fields. They know no feature.
mod alerts;
mod badge;
mod confirm;
mod copy;
pub mod errors;
mod frame;
mod language;
mod submit;

pub use alerts::{Alert, FormResult, QueryMessages, Success};
pub use badge::{Badge, BadgeStatus, StatusBadge};
pub use confirm::Confirmed;
pub use copy::CopyField;
pub use errors::{ErrorView, SignInFirst};
pub use frame::{loaded, DataTable, EmptyState, Loading, PageHeader};
pub use language::LanguageSwitch;
pub use submit::Submit;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A numeric URL parameter by name, 0 when absent or not a number (then every server function
/// refuses it).
pub fn id_param(name: &'static str) -> Memo<i32> {
    let params = use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get(name)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    })
}

/// The organization ID in the URL (`/o/:org/...`).
pub fn org_param() -> Memo<i32> {
    id_param("org")
}

/// `?a=1&b=x%20y` from name/value pairs, leaving out empty values (so links stay short and a
/// filter that is not set is not in the URL). Values are percent-encoded.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::paths::encode(v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::query_string;

    #[test]
    fn query_strings_leave_out_empty_values_and_encode_the_rest() {
        assert_eq!(query_string(&[]), "");
        assert_eq!(query_string(&[("status", ""), ("q", "")]), "");
        assert_eq!(
            query_string(&[("status", "failed"), ("q", "evt_a b&c=d/é")]),
            "?status=failed&q=evt_a%20b%26c%3Dd%2F%C3%A9"
        );
    }
}
