//! The Partner API keys' page and route (under `/o/:org`).
mod keys;

pub use keys::ApiKeysPage;

use leptos::prelude::*;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The Partner API routes of the portal.
#[component(transparent)]
pub fn PartnerApiRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("api-keys") view=ApiKeysPage ssr=SsrMode::Async/> }.into_inner()
}
