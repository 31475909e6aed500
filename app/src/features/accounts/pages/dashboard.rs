//! The start page of each kind of organization, linking onward.
use super::InstallationsTable;
use crate::components::{loaded, org_param};
use crate::features::accounts::api::get_org_overview;
use crate::features::accounts::dto::{OrgKind, OrgOverview};
use crate::features::notifications::api::list_notifications;
use crate::features::notifications::dto::NotificationDto;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// `/o/:org`: what this organization can do here.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let org = org_param();
    let overview = Resource::new(move || org.get(), get_org_overview);
    let attention = Resource::new(move || org.get(), list_notifications);
    // Created here, not inside the overview's rendering: a resource made while hydrating a
    // resolved Suspense would not match what the server rendered.
    let figures = use_context::<DashboardSections>().map(|s| (s.figures)(org.into()));
    view! {
        <leptos_meta::Title text=tr!("nav-dashboard")/>
        {loaded(overview, |o: OrgOverview| view! { <Dashboard o=o/> })}
        {figures}
        {loaded(attention, move |all: Vec<NotificationDto>| view! { <Attention all=all org=org.get()/> })}
    }
}

/// What other features add to the dashboard (the application provides it): the figures come
/// from the sales units feature, which uses this one.
#[derive(Clone, Copy)]
pub struct DashboardSections {
    /// The figures of organization `org` (a partner's, a customer's or the operator's).
    pub figures: fn(Signal<i32>) -> AnyView,
}

/// How many unread notifications the dashboard lists before "All notifications".
const ATTENTION_SHOWN: usize = 5;

/// "Needs your attention", the same on every kind of dashboard: the unread notifications (an
/// upgrade to review, a failing push subscription), newest first, each linking to where it is
/// dealt with.
#[component]
fn Attention(all: Vec<NotificationDto>, org: i32) -> impl IntoView {
    let unread: Vec<NotificationDto> = all.into_iter().filter(|n| !n.read).collect();
    let more = unread.len().saturating_sub(ATTENTION_SHOWN);
    let list = format!("{}/notifications", paths::org(org));
    view! {
        <section class="attention" aria-labelledby="attention-title">
            <h2 id="attention-title">{tr!("dashboard-attention")}</h2>
            {if unread.is_empty() {
                view! { <p class="muted">{tr!("dashboard-nothing-needs-you")}</p> }.into_any()
            } else {
                view! {
                    <ul class="attention-list">
                        {unread.into_iter().take(ATTENTION_SHOWN).map(|n| view! {
                            <li class="card">
                                <a href=n.link.clone()><strong>{n.title.clone()}</strong></a>
                                <p>{n.body.clone()}</p>
                                <p class="muted">{n.created_at.date_time(lang())}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p><a href=list>{if more > 0 {
                tr!("dashboard-all-notifications-more", { "count" => more })
            } else {
                tr!("dashboard-all-notifications")
            }}</a></p>
        </section>
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
