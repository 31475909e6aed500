//! The partner dashboard's figures, each linking to where it is dealt with.
use crate::features::sales_units::api::get_partner_figures;
use crate::features::sales_units::dto::PartnerFigures;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// The figures of organization `org` when it is a partner (the dashboard plugs this in);
/// nothing for a customer or the operator.
#[component]
pub fn PartnerFiguresSection(org: Signal<i32>) -> impl IntoView {
    let figures = Resource::new(move || org.get(), get_partner_figures);
    view! {
        <Transition>
            {move || Suspend::new(async move {
                figures.await.ok().map(|f| figures_view(org.get_untracked(), f))
            })}
        </Transition>
    }
}

fn figures_view(org: i32, f: PartnerFigures) -> impl IntoView {
    let card = |href: String, n: u64, label: String| {
        view! {
            <a class="card stat" href=href><span class="stat-number">{n}</span><span>{label}</span></a>
        }
    };
    view! {
        <div class="cards" role="list" aria-label=tr!("figures-label")>
            <div role="listitem">{card(paths::products(org), f.active_products, tr!("figures-active-products", { "count" => f.active_products }))}</div>
            <div role="listitem">{card(paths::products(org) + "?status=draft", f.draft_products, tr!("figures-draft-products", { "count" => f.draft_products }))}</div>
            <div role="listitem">{card(paths::sales_units(org), f.sales_units, tr!("figures-sales-units", { "count" => f.sales_units }))}</div>
            <div role="listitem">{card(paths::sales_units(org) + "?pending=1", f.upgrades_pending, tr!("figures-upgrades-pending", { "count" => f.upgrades_pending }))}</div>
            <div role="listitem">{card(format!("{}/webhooks", paths::org(org)), f.failing_subscriptions, tr!("figures-failing-subscriptions", { "count" => f.failing_subscriptions }))}</div>
        </div>
    }
}
