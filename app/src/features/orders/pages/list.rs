//! `/o/:org/orders`: a partner's orders across its products (filter by product), or a
//! customer's on its installations; by status, and searched by object ID; 50 a page, newest
//! first (a GET form and links, so it works without JavaScript).
use crate::components::{
    loaded, org_param, query_string, DataTable, EmptyState, PageHeader, StatusBadge,
};
use crate::features::orders::api::list_orders;
use crate::features::orders::dto::{OrderQuery, OrdersPage as Page};
use crate::glossary::{OrderParty, OrderStatus};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_query_map;

/// `/o/:org/orders`.
#[component]
pub fn OrdersPage() -> impl IntoView {
    let org = org_param();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        OrderQuery {
            status: p.get("status").unwrap_or_default(),
            product: p.get("product").unwrap_or_default(),
            object: p.get("object").unwrap_or_default(),
            cursor: p.get("cursor").unwrap_or_default(),
        }
    });
    let page = Resource::new(
        move || (org.get(), query.get()),
        |(o, q)| list_orders(o, q.status, q.product, q.object, q.cursor),
    );
    view! {
        {loaded(page, move |page: Page| {
            let q = query.get();
            let partner = page.viewer == OrderParty::Partner;
            let subtitle = if partner { tr!("orders-partner-subtitle") } else { tr!("orders-customer-subtitle") };
            let filtered = !q.status.is_empty() || !q.product.is_empty() || !q.object.is_empty();
            let rows = if page.rows.is_empty() {
                let msg = match (filtered, partner) {
                    (true, _) => tr!("orders-none-match"),
                    (false, true) => tr!("orders-none-partner"),
                    (false, false) => tr!("orders-none-customer"),
                };
                view! { <EmptyState text=msg/> }.into_any()
            } else {
                let who = if partner { tr!("orders-installation") } else { tr!("orders-partner-product") };
                view! {
                    <DataTable label=tr!("nav-orders") headers=vec![tr!("order"), tr!("status"), who, tr!("orders-object"), tr!("orders-ordered-by"), tr!("orders-created")]>
                        {page.rows.iter().map(|r| {
                            let place = if partner {
                                format!("{} ({}) · {}", r.installation_name, r.installation_id, r.product_name)
                            } else {
                                format!("{} · {} ({})", r.product_name, r.partner_name, r.installation_id)
                            };
                            view! {
                                <tr>
                                    <td><a href=paths::order(org.get(), &r.id)><code>{r.id.clone()}</code></a></td>
                                    <td><StatusBadge status=r.status/></td>
                                    <td>{place}</td>
                                    <td>{r.object_type.clone()}" "<code>{r.object_id.clone()}</code></td>
                                    <td>{r.ordered_by_name.clone()}</td>
                                    <td>{r.created_at.date_time(lang())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </DataTable>
                }
                .into_any()
            };
            let here = |cursor: &str| format!(
                "{}{}",
                paths::orders(org.get()),
                query_string(&[("status", &q.status), ("product", &q.product), ("object", &q.object), ("cursor", cursor)])
            );
            let first = (!q.cursor.is_empty()).then(|| here(""));
            let next = page.next_cursor.as_deref().map(here);
            let status = q.status.clone();
            let product = q.product.clone();
            view! {
                <PageHeader title=tr!("nav-orders") subtitle=subtitle/>
                <form method="get" class="filters" role="search" aria-label=tr!("orders-filter-label")>
                    <div class="field grow">
                        <label for="orders-object">{tr!("orders-search-object")}</label>
                        <input id="orders-object" name="object" type="search" value=q.object.clone() placeholder=tr!("orders-search-placeholder")/>
                    </div>
                    <div class="field">
                        <label for="orders-status">{tr!("status")}</label>
                        <select id="orders-status" name="status">
                            <option value="">{tr!("orders-any-status")}</option>
                            {OrderStatus::ALL.iter().map(|s| view! {
                                <option value=s.as_str() selected=status == s.as_str()>{s.label(lang())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    {(!page.products.is_empty()).then(|| view! {
                        <div class="field">
                            <label for="orders-product">{tr!("product-nav")}</label>
                            <select id="orders-product" name="product">
                                <option value="">{tr!("orders-any-product")}</option>
                                {page.products.iter().map(|(id, name)| view! {
                                    <option value=id.to_string() selected=product == id.to_string()>{name.clone()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                    })}
                    <button type="submit" class="secondary">{tr!("filter")}</button>
                </form>
                {rows}
                {(first.is_some() || next.is_some()).then(|| view! {
                    <nav class="pager" aria-label=tr!("orders-pages")>
                        {first.map(|h| view! { <a href=h>{tr!("orders-newest")}</a> })}
                        {next.map(|h| view! { <a href=h>{tr!("orders-older")}</a> })}
                    </nav>
                })}
            }
            .into_any()
        })}
    }
}
