//! The accounts' pages and their routes: signed-out and choosing pages at the top level, the
//! dashboard, users and the operator's organizations under `/o/:org`.
mod dashboard;
mod home;
mod organizations;
mod profile;
mod shell;
mod sign_in;
mod users;

pub use dashboard::{DashboardPage, DashboardSections};
pub use home::{ChoosePage, HomePage};
pub use organizations::{OrganizationPage, OrganizationSections, OrganizationsPage};
pub use profile::ProfilePage;
pub use shell::{session_resource, signed_in, Header, OrgShell};
pub use sign_in::{ConfirmPage, SignInPage};
pub use users::UsersPage;

use crate::components::{Badge, DataTable, EmptyState};
use crate::features::accounts::dto::InstallationDto;
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::any_nested_route::IntoAnyNestedRoute;
use leptos_router::components::Route;
#[allow(unused_imports)] // The route groups return it, unless components are erased.
use leptos_router::{path, MatchNestedRoutes, SsrMode};

/// The pages outside any organization: the start page, sign-in and the chooser.
#[component(transparent)]
pub fn AccountRoutes() -> impl MatchNestedRoutes + Clone {
    let ssr = SsrMode::Async;
    view! {
        <Route path=path!("/") view=HomePage ssr=ssr.clone()/>
        <Route path=path!("/sign-in") view=SignInPage ssr=ssr.clone()/>
        <Route path=path!("/sign-in/confirm") view=ConfirmPage ssr=ssr.clone()/>
        <Route path=path!("/choose") view=ChoosePage ssr=ssr.clone()/>
        <Route path=path!("/profile") view=ProfilePage ssr=ssr/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}

/// The accounts' pages under `/o/:org`.
#[component(transparent)]
pub fn OrganizationRoutes() -> impl MatchNestedRoutes + Clone {
    let ssr = SsrMode::Async;
    view! {
        <Route path=path!("") view=DashboardPage ssr=ssr.clone()/>
        <Route path=path!("users") view=UsersPage ssr=ssr.clone()/>
        <Route path=path!("organizations") view=OrganizationsPage ssr=ssr.clone()/>
        <Route path=path!("organizations/:id") view=OrganizationPage ssr=ssr/>
    }
    .into_inner()
    // Several routes make a list; one type serves whether or not components are erased.
    .into_any_nested_route()
}

/// A customer's installations, or what to do when there are none.
#[component]
fn InstallationsTable(
    installations: Vec<InstallationDto>,
    #[prop(into)] empty: String,
) -> impl IntoView {
    if installations.is_empty() {
        return view! { <EmptyState text=empty/> }.into_any();
    }
    view! {
        <DataTable label=tr!("installations") headers=vec![tr!("installation-id"), tr!("name"), tr!("status")]>
            {installations.into_iter().map(|i| view! {
                <tr>
                    <td><code>{i.installation_id}</code>{i.is_sandbox.then(|| view! { " " <Badge text=tr!("partner-sandbox") tone="sandbox"/> })}</td>
                    <td>{i.name}</td>
                    <td>{i.status.label(lang())}</td>
                </tr>
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}
