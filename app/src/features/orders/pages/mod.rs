//! Orders' pages and routes (under `/o/:org`): "Orders" for partners and customers, an order's
//! page, and the recent orders on a customer's supplier panel.
mod list;
mod order;
mod recent;

pub use list::OrdersPage;
pub use order::OrderPage;
pub use recent::recent_orders;

use crate::glossary::OrderStatus;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The orders routes.
#[component(transparent)]
pub fn OrderRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("orders") view=OrdersPage ssr=SsrMode::Async/>
        <Route path=path!("orders/:order") view=OrderPage ssr=SsrMode::Async/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}

/// What a button that moves an order to `s` says ("Accept", "Complete", ...).
pub(crate) fn move_label(s: OrderStatus) -> String {
    match s {
        OrderStatus::Accepted => tr!("order-accept"),
        OrderStatus::Completed => tr!("order-complete"),
        OrderStatus::Declined => tr!("order-decline"),
        OrderStatus::Cancelled => tr!("order-cancel"),
        OrderStatus::Open => tr!("order-status-open"),
    }
}
