//! The latest orders of a product on one installation, on the customer's supplier panel.
use crate::components::StatusBadge;
use crate::features::orders::api::get_recent_orders;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// "Orders" on a customer's supplier panel: the product's latest orders on the installation
/// the URL names. Called at the top of the suppliers page, so the orders are fetched (and
/// hydrate) in the same order on the server and in the browser; what it answers is the
/// section, for the page to await in its own `Suspend` (no orders where they are refused).
pub fn recent_orders(
    org: Signal<i32>,
    installation: Signal<String>,
    product: Signal<String>,
) -> Arc<dyn Fn() -> Pin<Box<dyn Future<Output = AnyView> + Send>> + Send + Sync> {
    let orders = Resource::new(
        move || (org.get(), installation.get(), product.get()),
        |(o, i, p)| async move {
            match p.parse::<i32>() {
                Ok(pid) if !i.is_empty() => get_recent_orders(o, i, pid).await.ok(),
                _ => None,
            }
        },
    );
    Arc::new(move || {
        let org = org.get_untracked();
        Box::pin(async move {
            let rows = orders.await.unwrap_or_default();
            let list = if rows.is_empty() {
                view! { <p class="muted">{tr!("orders-panel-none")}</p> }.into_any()
            } else {
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
            };
            view! {
                <section class="panel-section" aria-labelledby="panel-orders-title">
                    <h3 id="panel-orders-title">{tr!("nav-orders")}</h3>
                    {list}
                </section>
            }
            .into_any()
        })
    })
}
