//! The notifications' page and its route (under `/o/:org`).
mod notifications;

pub use notifications::{NotificationsChanged, NotificationsPage};

use leptos::prelude::*;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The notifications' routes.
#[component(transparent)]
pub fn NotificationRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("notifications") view=NotificationsPage ssr=SsrMode::Async/> }
        .into_inner()
}
