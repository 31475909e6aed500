//! The sales units pages and their routes (under `/o/:org`): the partner's "Sales units" and
//! the customer's "Installations".
mod edit;
mod figures;
mod history;
mod installations;
mod list;
mod unit;

pub use figures::FiguresSection;
pub use history::HistoryTable;
pub use installations::{InstallationPage, InstallationsPage};
pub use list::SalesUnitsPage;
pub use unit::SalesUnitPage;

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The sales units routes.
#[component(transparent)]
pub fn SalesUnitRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("sales-units") view=SalesUnitsPage ssr=SsrMode::Async/>
        <Route path=path!("sales-units/:installation") view=SalesUnitPage ssr=SsrMode::Async/>
        <Route path=path!("installations") view=InstallationsPage ssr=SsrMode::Async/>
        <Route path=path!("installations/:installation") view=InstallationPage ssr=SsrMode::Async/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}
