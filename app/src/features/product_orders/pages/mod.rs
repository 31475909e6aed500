//! Product orders' pages and routes: under `/o/:org` the partner's, the customer's and the
//! operator's "Product orders" and an order's page, a partner's prefill form and templates, a
//! customer's "Order a product"; at the top level the links customers open (`/sign-up/...`).
mod list;
mod new;
mod order;
mod sign_up;
mod templates;

pub use list::ProductOrdersPage;
pub use new::NewProductOrderPage;
pub use order::ProductOrderPage;
pub use sign_up::{SignUpPage, TemplateStartPage};
pub use templates::TemplatesPage;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The product orders routes under `/o/:org`.
#[component(transparent)]
pub fn ProductOrderRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("product-orders") view=ProductOrdersPage ssr=SsrMode::Async/>
        <Route path=path!("product-orders/new") view=NewProductOrderPage ssr=SsrMode::Async/>
        <Route path=path!("product-orders/:order") view=ProductOrderPage ssr=SsrMode::Async/>
        <Route path=path!("product-order-templates") view=TemplatesPage ssr=SsrMode::Async/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}

/// The links customers open, outside any organization.
#[component(transparent)]
pub fn SignUpRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/sign-up/template/:token") view=TemplateStartPage ssr=SsrMode::Async/>
        <Route path=path!("/sign-up/:token") view=SignUpPage ssr=SsrMode::Async/>
    }
    .into_inner()
    .into_any_nested_route()
}
