//! The customer side's pages and their routes (under `/o/:org`).
mod suppliers;

pub use suppliers::SuppliersPage;

use leptos::prelude::*;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The customer side's routes.
#[component(transparent)]
pub fn ActivationRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("suppliers") view=SuppliersPage ssr=SsrMode::Async/> }.into_inner()
}
