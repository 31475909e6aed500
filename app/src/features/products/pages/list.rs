//! `/o/:org/products`: the partner's products, searched and filtered by status.
use crate::components::{loaded, org_param, DataTable, EmptyState, PageHeader, StatusBadge};
use crate::features::products::api::list_products;
use crate::features::products::dto::ProductSummary;
use crate::glossary::ProductStatus;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
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
    let status_option = move |value: &'static str, label: String| {
        view! { <option value=value selected=move || status() == value>{label}</option> }
    };
    view! {
        <PageHeader title=tr!("nav-products")>
            <a class="button primary" href=move || format!("{}/new", paths::products(org.get()))>{tr!("products-new")}</a>
        </PageHeader>
        <form method="get" class="filters" role="search" aria-label=tr!("products-filter-label")>
            <div class="field">
                <label for="product-search">{tr!("search")}</label>
                <input id="product-search" name="q" type="search" value=search placeholder=tr!("products-search-placeholder")/>
            </div>
            <div class="field">
                <label for="product-status">{tr!("status")}</label>
                <select id="product-status" name="status">
                    {status_option("", tr!("products-any-status"))}
                    {ProductStatus::ALL.iter().map(|s| status_option(s.as_str(), s.label(lang()))).collect_view()}
                </select>
            </div>
            <button type="submit" class="secondary">{tr!("filter")}</button>
        </form>
        {loaded(list, move |products: Vec<ProductSummary>| {
            if products.is_empty() {
                let msg = if search().is_empty() && status().is_empty() {
                    {tr!("products-none")}
                } else {
                    {tr!("products-none-match")}
                };
                return view! { <EmptyState text=msg/> }.into_any();
            }
            let version = |v: Option<i32>| v.map(|v| tr!("version-n", { "n" => v })).unwrap_or_else(|| "—".into());
            view! {
                <DataTable label=tr!("nav-products") headers=vec![{tr!("name")}, {tr!("kind")}, {tr!("status")}, {tr!("products-active-version")}, {tr!("version-state-draft")}, {tr!("installations")}]>
                    {products.into_iter().map(|p| view! {
                        <tr>
                            <td><a href=paths::product(org.get(), p.id)>{p.name.clone()}</a></td>
                            <td>{p.kind.label(lang())}</td>
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
