//! The start page of each kind of organization, linking onward.
use super::InstallationsTable;
use crate::components::{loaded, org_param};
use crate::features::accounts::api::get_org_overview;
use crate::features::accounts::dto::{OrgKind, OrgOverview};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// `/o/:org`: what this organization can do here.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let org = org_param();
    let overview = Resource::new(move || org.get(), get_org_overview);
    view! {
        <leptos_meta::Title text=tr!("nav-dashboard")/>
        {loaded(overview, |o: OrgOverview| view! { <Dashboard o=o/> })}
    }
}

#[component]
fn Dashboard(o: OrgOverview) -> impl IntoView {
    let base = paths::org(o.organization_id);
    let members = tr!("dashboard-members", { "count" => o.member_count });
    let body = match o.kind {
        OrgKind::Operator => view! {
            <div class="cards">
                <a class="card stat" href=format!("{base}/organizations")>
                    <span class="stat-number">{o.partner_count}</span><span>{tr!("dashboard-partners", { "count" => o.partner_count })}</span>
                </a>
                <a class="card stat" href=format!("{base}/organizations")>
                    <span class="stat-number">{o.customer_count}</span><span>{tr!("dashboard-customers", { "count" => o.customer_count })}</span>
                </a>
            </div>
            <p>{tr!("dashboard-operator-intro")}" "
                <a href=format!("{base}/organizations")>{tr!("nav-organizations")}</a>"."</p>
        }
        .into_any(),
        OrgKind::Partner => view! {
            <p>{tr!("dashboard-partner-intro")}</p>
            <p><a class="button primary" href=format!("{base}/products")>{tr!("dashboard-your-products")}</a>" "
                <a class="button secondary" href=format!("{base}/products/new")>{tr!("products-new")}</a></p>
        }
        .into_any(),
        OrgKind::Customer => {
            view! {
                <h2>{tr!("installations")}</h2>
                <InstallationsTable
                    installations=o.installations
                    empty=tr!("dashboard-no-installations")
                />
            }
            .into_any()
        }
    };
    view! {
        <header class="page-header">
            <h1>{o.name.clone()}</h1>
            <p class="muted">{o.kind.label(lang())}" · "{tr!("dashboard-you-are", { "role" => o.role.label(lang()).to_lowercase() })}" · "
                <a href=format!("{base}/users")>{members}</a></p>
        </header>
        {body}
    }
}
