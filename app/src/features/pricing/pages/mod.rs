//! Pricing's pages and routes (under `/o/:org`): "Price packages" for the operator and for
//! partners, a package's page, the price packages section of the operator's customer page, and
//! "Commission" (a partner's months and a month's rows; the operator's statements and upload).
mod commission;
mod commission_month;
mod customer;
mod fields;
mod list;
mod package;

pub use commission::{period_label, CommissionPage};
pub use commission_month::CommissionMonthPage;
pub use customer::CustomerPackagesSection;
pub use list::PricePackagesPage;
pub use package::PricePackagePage;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The pricing routes.
#[component(transparent)]
pub fn PricingRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("price-packages") view=PricePackagesPage ssr=SsrMode::Async/>
        <Route path=path!("price-packages/:id") view=PricePackagePage ssr=SsrMode::Async/>
        <Route path=path!("commission") view=CommissionPage ssr=SsrMode::Async/>
        <Route path=path!("commission/:period") view=CommissionMonthPage ssr=SsrMode::Async/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}
