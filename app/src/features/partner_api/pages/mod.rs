//! The Partner API keys' page and route (under `/o/:org`).
mod keys;
mod new_key;

pub use keys::ApiKeysPage;
pub use new_key::NewApiKeyPage;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The Partner API routes of the portal.
#[component(transparent)]
pub fn PartnerApiRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("api-keys") view=ApiKeysPage ssr=SsrMode::Async/>
        <Route path=path!("api-keys/new") view=NewApiKeyPage ssr=SsrMode::Async/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}
