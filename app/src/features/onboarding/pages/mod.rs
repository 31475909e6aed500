//! The access requests' pages: the public request page and its confirmation (top level), and
//! the operator's queue under `/o/:org`.
mod public;
mod queue;

pub use public::{ConfirmAccessPage, RequestAccessPage};
pub use queue::AccessRequestsPage;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// `/request-access` and its confirmation, for anyone.
#[component(transparent)]
pub fn RequestAccessRoutes() -> impl MatchNestedRoutes + Clone {
    let ssr = SsrMode::Async;
    view! {
        <Route path=path!("/request-access") view=RequestAccessPage ssr=ssr.clone()/>
        <Route path=path!("/request-access/confirm") view=ConfirmAccessPage ssr=ssr/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}

/// The operator's queue.
#[component(transparent)]
pub fn AccessRequestQueueRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("access-requests") view=AccessRequestsPage ssr=SsrMode::Async/> }
        .into_inner()
}
