//! The customer side's pages and their routes (under `/o/:org`).
mod suppliers;

pub use suppliers::{FunctionList, SuppliersPage};

/// What other features show in a product's supplier panel (the application fills it in):
/// `orders(customer, installation ID, product ID)`, an order integration product's latest
/// orders on the installation.
#[derive(Clone, Copy)]
pub struct SupplierSections {
    pub orders: fn(i32, String, i32) -> leptos::prelude::AnyView,
}

use leptos::prelude::*;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The customer side's routes.
#[component(transparent)]
pub fn ActivationRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("suppliers") view=SuppliersPage ssr=SsrMode::Async/> }.into_inner()
}
