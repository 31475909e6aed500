//! Push's pages and their routes (under `/o/:org`).
mod form;
mod list;
mod subscription;

pub use form::NewSubscriptionPage;
pub use list::{ProductSubscriptions, WebhooksPage};
pub use subscription::SubscriptionPage;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
use leptos_router::hooks::use_params_map;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// Push's routes.
#[component(transparent)]
pub fn PushRoutes() -> impl MatchNestedRoutes + Clone {
    let ssr = SsrMode::Async;
    view! {
        <Route path=path!("products/:id/subscriptions/new") view=NewSubscriptionPage ssr=ssr.clone()/>
        <Route path=path!("products/:id/subscriptions/:sid") view=SubscriptionPage ssr=ssr.clone()/>
        <Route path=path!("webhooks") view=WebhooksPage ssr=ssr/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}

/// The subscription ID in the URL (`sub_...`).
fn sub_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("sid").unwrap_or_default())
}

/// The product ID in the URL.
fn product_param() -> Memo<i32> {
    crate::components::id_param("id")
}
