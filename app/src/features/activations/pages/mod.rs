//! The customer side's pages and their routes (under `/o/:org`).
mod suppliers;

pub use suppliers::{FunctionList, SuppliersPage};

/// What other features show in a product's supplier panel (the application fills it in).
#[derive(Clone, Copy)]
pub struct SupplierSections {
    /// An order integration product's latest orders on the installation, for the panel the
    /// URL opens: `orders(customer, installation ID, product ID)` is called once at the top of
    /// the page, so that its data is fetched there (a resource created inside the panel's
    /// `Suspend` would not hydrate), and answers what draws the section inside the panel.
    pub orders: fn(Signal<i32>, Signal<String>, Signal<String>) -> SectionView,
}

/// Draws a section another feature set up, once its data is there: the page awaits it in its
/// own `Suspend`, beside the page's other data, so that no `Suspend` nests in another (a nested
/// one hydrated out of step now and then).
pub type SectionView = std::sync::Arc<
    dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = AnyView> + Send>> + Send + Sync,
>;

use leptos::prelude::*;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The customer side's routes.
#[component(transparent)]
pub fn ActivationRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("suppliers") view=SuppliersPage ssr=SsrMode::Async/> }.into_inner()
}
