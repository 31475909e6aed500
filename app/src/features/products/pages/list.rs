//! `/o/:org/products`: the partner's products, searched and filtered by status.
use crate::components::{loaded, org_param, DataTable, EmptyState, PageHeader, StatusBadge};
use crate::features::products::api::list_products;
use crate::features::products::dto::ProductSummary;
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/o/:org/products`: search and status filter (a GET form, so it works without JavaScript).
#[component]
pub fn ProductsPage() -> impl IntoView {
    let org = org_param();
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let status = move || query.read().get("status").unwrap_or_default();
    let list = Resource::new(
        move || (org.get(), search(), status()),
        |(o, q, s)| list_products(o, q, s),
    );
    let status_option = move |value: &'static str, label: &'static str| {
        view! { <option value=value selected=move || status() == value>{label}</option> }
    };
    view! {
        <PageHeader title="Products">
            <a class="button primary" href=move || format!("{}/new", paths::products(org.get()))>"New product"</a>
        </PageHeader>
        <form method="get" class="filters" role="search" aria-label="Filter products">
            <div class="field">
                <label for="product-search">"Search"</label>
                <input id="product-search" name="q" type="search" value=search placeholder="Name or description"/>
            </div>
            <div class="field">
                <label for="product-status">"Status"</label>
                <select id="product-status" name="status">
                    {status_option("", "Any status")}
                    {status_option("draft", "Draft")}
                    {status_option("active", "Active")}
                    {status_option("retired", "Retired")}
                </select>
            </div>
            <button type="submit" class="secondary">"Filter"</button>
        </form>
        {loaded(list, move |products: Vec<ProductSummary>| {
            if products.is_empty() {
                let msg = if search().is_empty() && status().is_empty() {
                    "No products yet. Create your first one with New product."
                } else {
                    "No products match. Clear the search or choose another status."
                };
                return view! { <EmptyState text=msg/> }.into_any();
            }
            let version = |v: Option<i32>| v.map(|v| format!("Version {v}")).unwrap_or_else(|| "—".into());
            view! {
                <DataTable label="Products" headers=vec!["Name", "Kind", "Status", "Active version", "Draft", "Installations"]>
                    {products.into_iter().map(|p| view! {
                        <tr>
                            <td><a href=paths::product(org.get(), p.id)>{p.name.clone()}</a></td>
                            <td>{p.kind.label()}</td>
                            <td><StatusBadge status=p.status/></td>
                            <td>{version(p.active_version)}</td>
                            <td>{version(p.draft_version)}</td>
                            <td>{p.installations}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            }
            .into_any()
        })}
    }
}
