//! The latest orders of a product on one installation, on the customer's supplier panel.
use crate::components::{loaded, StatusBadge};
use crate::features::orders::api::get_recent_orders;
use crate::features::orders::dto::OrderRow;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// "Orders" on a customer's supplier panel: the product's latest orders on the installation.
#[component]
pub fn RecentOrders(org: i32, installation_id: String, product_id: i32) -> impl IntoView {
    let orders = Resource::new(
        move || (org, installation_id.clone(), product_id),
        |(o, i, p)| get_recent_orders(o, i, p),
    );
    view! {
        <section class="panel-section" aria-labelledby="panel-orders-title">
            <h3 id="panel-orders-title">{tr!("nav-orders")}</h3>
            {loaded(orders, move |rows: Vec<OrderRow>| {
                if rows.is_empty() {
                    return view! { <p class="muted">{tr!("orders-panel-none")}</p> }.into_any();
                }
                view! {
                    <ul class="plain-list">
                        {rows.into_iter().map(|r| view! {
                            <li>
                                <a href=paths::order(org, &r.id)>{r.object_type.clone()}" "{r.object_id.clone()}</a>" "
                                <StatusBadge status=r.status/>" "
                                <span class="muted">{r.created_at.date(lang())}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    <p><a href=paths::orders(org)>{tr!("orders-all")}</a></p>
                }
                .into_any()
            })}
        </section>
    }
}
