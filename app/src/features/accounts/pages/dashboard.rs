//! The start page of each kind of organization, linking onward.
use super::InstallationsTable;
use crate::components::{loaded, org_param};
use crate::features::accounts::api::get_org_overview;
use crate::features::accounts::dto::{OrgKind, OrgOverview};
use crate::paths;
use leptos::prelude::*;

/// `/o/:org`: what this organization can do here.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let org = org_param();
    let overview = Resource::new(move || org.get(), get_org_overview);
    view! {
        <leptos_meta::Title text="Dashboard"/>
        {loaded(overview, |o: OrgOverview| view! { <Dashboard o=o/> })}
    }
}

#[component]
fn Dashboard(o: OrgOverview) -> impl IntoView {
    let base = paths::org(o.organization_id);
    let members = format!(
        "{} member{}",
        o.member_count,
        if o.member_count == 1 { "" } else { "s" }
    );
    let body = match o.kind {
        OrgKind::Operator => view! {
            <div class="cards">
                <a class="card stat" href=format!("{base}/organizations")>
                    <span class="stat-number">{o.partner_count}</span><span>"partners"</span>
                </a>
                <a class="card stat" href=format!("{base}/organizations")>
                    <span class="stat-number">{o.customer_count}</span><span>"customers"</span>
                </a>
            </div>
            <p>"Onboard partners and customers, add installations and name contact persons under "
                <a href=format!("{base}/organizations")>"Organizations"</a>"."</p>
        }
        .into_any(),
        OrgKind::Partner => view! {
            <p>"As a partner you build integration products on the platform API: choose the functions
                a product needs, decide which installations may activate it, and activate new versions."</p>
            <p><a class="button primary" href=format!("{base}/products")>"Your products"</a>" "
                <a class="button secondary" href=format!("{base}/products/new")>"New product"</a></p>
        }
        .into_any(),
        OrgKind::Customer => {
            view! {
                <h2>"Installations"</h2>
                <InstallationsTable
                    installations=o.installations
                    empty="No installations yet. The platform operator adds them when your environment is set up."
                />
            }
            .into_any()
        }
    };
    view! {
        <header class="page-header">
            <h1>{o.name.clone()}</h1>
            <p class="muted">{o.kind.label()}" · you are "{o.role.label().to_lowercase()}" · "
                <a href=format!("{base}/users")>{members}</a></p>
        </header>
        {body}
    }
}
