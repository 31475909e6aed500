//! The partner dashboard's figures, each linking to where it is dealt with.
use crate::components::loaded;
use crate::features::sales_units::api::get_partner_figures;
use crate::features::sales_units::dto::PartnerFigures;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// The figures of partner `org` (the dashboard plugs this in).
#[component]
pub fn PartnerFiguresSection(org: i32) -> impl IntoView {
    let figures = Resource::new(move || org, get_partner_figures);
    view! {
        {loaded(figures, move |f: PartnerFigures| {
            let card = |href: String, n: u64, label: String| view! {
                <a class="card stat" href=href><span class="stat-number">{n}</span><span>{label}</span></a>
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
        })}
    }
}
