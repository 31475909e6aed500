//! The access feature's pages and their routes (under `/o/:org`).
mod legacy;

pub use legacy::{LegacyAccessPage, LegacyGrantsTable, OperatorLegacySection};

use leptos::prelude::*;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The access feature's routes.
#[component(transparent)]
pub fn AccessRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("legacy-access") view=LegacyAccessPage ssr=SsrMode::Async/> }
        .into_inner()
}
