//! The dashboard's figures, each linking to where it is dealt with: a partner's, a customer's
//! or the operator's.
use crate::features::pricing::pages::period_label;
use crate::features::sales_units::api::get_figures;
use crate::features::sales_units::dto::{
    CustomerFigures, OperatorFigures, OrgFigures, PartnerFigures,
};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// The figures of organization `org` (the dashboard plugs this in).
#[component]
pub fn FiguresSection(org: Signal<i32>) -> impl IntoView {
    let figures = Resource::new(move || org.get(), get_figures);
    view! {
        <Transition>
            {move || Suspend::new(async move {
                figures.await.ok().map(|f| {
                    let org = org.get_untracked();
                    let cards = match f {
                        OrgFigures::Partner(f) => partner(org, f).into_any(),
                        OrgFigures::Customer(f) => customer(org, f).into_any(),
                        OrgFigures::Operator(f) => operator(org, f).into_any(),
                    };
                    view! { <div class="cards" role="list" aria-label=tr!("figures-label")>{cards}</div> }
                })
            })}
        </Transition>
    }
}

/// One figure: a number (or an amount) and what it counts, linking to `href`.
fn card(href: String, n: String, label: String) -> impl IntoView {
    view! {
        <div role="listitem">
            <a class="card stat" href=href><span class="stat-number">{n}</span><span>{label}</span></a>
        </div>
    }
}

fn partner(org: i32, f: PartnerFigures) -> impl IntoView {
    let n = |n: u64| n.to_string();
    view! {
        {card(paths::products(org), n(f.active_products), tr!("figures-active-products", { "count" => f.active_products }))}
        {card(paths::products(org) + "?status=draft", n(f.draft_products), tr!("figures-draft-products", { "count" => f.draft_products }))}
        {card(paths::sales_units(org), n(f.sales_units), tr!("figures-sales-units", { "count" => f.sales_units }))}
        {card(paths::sales_units(org) + "?pending=1", n(f.upgrades_pending), tr!("figures-upgrades-pending", { "count" => f.upgrades_pending }))}
        {card(format!("{}/webhooks", paths::org(org)), n(f.failing_subscriptions), tr!("figures-failing-subscriptions", { "count" => f.failing_subscriptions }))}
        {f.latest_commission.map(|m| {
            let sums: Vec<String> = m.commission.iter().map(|s| s.format(lang())).collect();
            let month = period_label(&m.period);
            view! {
                <div role="listitem">
                    <a class="card stat" href=paths::commission_month(org, &m.period)>
                        <span class="stat-number money">{if sums.is_empty() { "—".to_owned() } else { sums.join(" · ") }}</span>
                        <span>{tr!("figures-commission", { "month" => month })}</span>
                    </a>
                </div>
            }
        })}
    }
}

fn customer(org: i32, f: CustomerFigures) -> impl IntoView {
    let suppliers = format!("{}/suppliers", paths::org(org));
    view! {
        {card(paths::installations(org), f.installations.to_string(), tr!("figures-installations", { "count" => f.installations }))}
        {card(suppliers.clone(), f.products.to_string(), tr!("figures-products-in-use", { "count" => f.products }))}
        {card(suppliers, f.upgrades_available.to_string(), tr!("figures-upgrades-available", { "count" => f.upgrades_available }))}
    }
}

fn operator(org: i32, f: OperatorFigures) -> impl IntoView {
    let orgs = format!("{}/organizations", paths::org(org));
    view! {
        {card(orgs.clone(), f.partners.to_string(), tr!("figures-partners", { "count" => f.partners }))}
        {card(orgs.clone(), f.customers.to_string(), tr!("figures-customers", { "count" => f.customers }))}
        {card(orgs, f.sales_units.to_string(), tr!("figures-sales-units", { "count" => f.sales_units }))}
        {card(paths::price_packages(org), f.price_packages.to_string(), tr!("figures-price-packages", { "count" => f.price_packages }))}
    }
}
