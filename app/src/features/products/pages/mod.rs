//! The products' pages and their routes (under `/o/:org`).
mod access;
mod credentials;
mod form;
mod function_panel;
mod list;
mod picker;
mod product;

pub use access::AccessPage;
pub use form::{EditProductPage, NewProductPage};
pub use list::ProductsPage;
pub use picker::{FunctionsPage, PAGE as PICKER_PAGE};
pub use product::{ProductPage, ProductSections};

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The products' routes.
#[component(transparent)]
pub fn ProductRoutes() -> impl MatchNestedRoutes + Clone {
    let ssr = SsrMode::Async;
    view! {
        <Route path=path!("products") view=ProductsPage ssr=ssr.clone()/>
        <Route path=path!("products/new") view=NewProductPage ssr=ssr.clone()/>
        <Route path=path!("products/:id") view=ProductPage ssr=ssr.clone()/>
        <Route path=path!("products/:id/edit") view=EditProductPage ssr=ssr.clone()/>
        <Route path=path!("products/:id/functions") view=FunctionsPage ssr=ssr.clone()/>
        <Route path=path!("products/:id/access") view=AccessPage ssr=ssr/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}
