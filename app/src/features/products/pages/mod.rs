//! The products' pages and their routes (under `/o/:org`).
mod access;
mod credentials;
mod form;
mod function_panel;
mod list;
mod new_key;
mod picker;
mod product;
mod product_tabs;

pub use access::AccessPage;
pub use form::{EditProductPage, NewProductPage};
pub use list::ProductsPage;
pub use new_key::NewKeyPage;
pub use picker::{FunctionsPage, PAGE as PICKER_PAGE};
pub use product::{ProductPage, ProductSections, ProductTab, ProductTabs};

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
        <Route path=path!("products/:id") view=|| view! { <ProductPage tab=ProductTab::Overview/> } ssr=ssr.clone()/>
        <Route path=path!("products/:id/versions") view=|| view! { <ProductPage tab=ProductTab::Versions/> } ssr=ssr.clone()/>
        <Route path=path!("products/:id/installations") view=|| view! { <ProductPage tab=ProductTab::Installations/> } ssr=ssr.clone()/>
        <Route path=path!("products/:id/credentials") view=|| view! { <ProductPage tab=ProductTab::Credentials/> } ssr=ssr.clone()/>
        <Route path=path!("products/:id/webhooks") view=|| view! { <ProductPage tab=ProductTab::Webhooks/> } ssr=ssr.clone()/>
        <Route path=path!("products/:id/settings") view=|| view! { <ProductPage tab=ProductTab::Settings/> } ssr=ssr.clone()/>
        <Route path=path!("products/:id/keys") view=NewKeyPage ssr=ssr.clone()/>
        <Route path=path!("products/:id/edit") view=EditProductPage ssr=ssr.clone()/>
        <Route path=path!("products/:id/functions") view=FunctionsPage ssr=ssr.clone()/>
        <Route path=path!("products/:id/access") view=AccessPage ssr=ssr/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}
