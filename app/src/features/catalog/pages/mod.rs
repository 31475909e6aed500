//! The catalog's pages and their routes (under `/o/:org`).
mod catalog;

pub use catalog::CatalogPage;

use leptos::prelude::*;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The catalog's routes.
#[component(transparent)]
pub fn CatalogRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("catalog") view=CatalogPage ssr=SsrMode::Async/> }.into_inner()
}
