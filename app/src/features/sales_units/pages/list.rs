//! `/o/:org/sales-units`: every sales unit connected to the partner, across its products:
//! one search box, filters by product and "upgrade pending", 50 a page (a GET form and links,
//! so it works without JavaScript).
use crate::components::{loaded, org_param, query_string, DataTable, EmptyState, PageHeader};
use crate::features::sales_units::api::list_sales_units;
use crate::features::sales_units::dto::{SalesUnitPage, SalesUnitProduct, SalesUnitQuery};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_query_map;

/// A sales unit's products and versions, and any pending upgrade, as a cell.
pub(super) fn products_cell(products: &[SalesUnitProduct]) -> impl IntoView {
    view! {
        <ul class="plain">
            {products.iter().map(|p| view! {
                <li>{p.name.clone()}" · "{tr!("version-n", { "n" => p.version })}
                    {p.upgrade_pending_since.map(|t| view! { <br/><span class="badge warning">{tr!("sales-units-upgrade-pending-since", { "date" => t.date(lang()) })}</span> })}</li>
            }).collect_view()}
        </ul>
    }
}

/// `/o/:org/sales-units`.
#[component]
pub fn SalesUnitsPage() -> impl IntoView {
    let org = org_param();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        SalesUnitQuery {
            q: p.get("q").unwrap_or_default(),
            product_id: p.get("product").and_then(|s| s.parse().ok()),
            upgrade_pending: p.get("pending").is_some_and(|v| v == "1"),
            cursor: p.get("cursor").unwrap_or_default(),
            ..SalesUnitQuery::default()
        }
    });
    let page = Resource::new(
        move || (org.get(), query.get()),
        |(o, q)| list_sales_units(o, q.q, q.product_id, q.upgrade_pending, q.cursor),
    );
    view! {
        <PageHeader title=tr!("nav-sales-units") subtitle=tr!("sales-units-subtitle")/>
        {loaded(page, move |page: SalesUnitPage| {
            let q = query.get();
            let filtered = !q.q.is_empty() || q.product_id.is_some() || q.upgrade_pending;
            let selected = q.product_id;
            let rows = if page.rows.is_empty() {
                let msg = if filtered { tr!("sales-units-none-match") } else { tr!("sales-units-none") };
                view! { <EmptyState text=msg/> }.into_any()
            } else {
                view! {
                    <DataTable label=tr!("nav-sales-units") headers=vec![{tr!("sales-unit")}, {tr!("installation-id")}, {tr!("customer")}, {tr!("business-identifier")}, {tr!("price-package")}, {tr!("nav-products")}]>
                        {page.rows.iter().map(|r| view! {
                            <tr>
                                <td><a href=paths::sales_unit(org.get(), &r.installation_id)>{r.name.clone()}</a></td>
                                <td><code>{r.installation_id.clone()}</code></td>
                                <td>{r.customer.clone()}</td>
                                <td>{r.business_identifier.clone().unwrap_or_else(|| "—".into())}</td>
                                <td>{r.price_package.clone().unwrap_or_else(|| "—".into())}</td>
                                <td>{products_cell(&r.products)}</td>
                            </tr>
                        }).collect_view()}
                    </DataTable>
                }
                .into_any()
            };
            let product = selected.map(|p| p.to_string()).unwrap_or_default();
            let pending = if q.upgrade_pending { "1" } else { "" };
            let here = |cursor: &str| format!(
                "{}{}",
                paths::sales_units(org.get()),
                query_string(&[("q", &q.q), ("product", &product), ("pending", pending), ("cursor", cursor)])
            );
            let first = (!q.cursor.is_empty()).then(|| here(""));
            let next = page.next_cursor.as_deref().map(here);
            view! {
                <form method="get" class="filters" role="search" aria-label=tr!("sales-units-filter-label")>
                    <div class="field grow">
                        <label for="sales-units-q">{tr!("search")}</label>
                        <input id="sales-units-q" name="q" type="search" value=q.q.clone() placeholder=tr!("sales-units-search-placeholder")/>
                    </div>
                    <div class="field">
                        <label for="sales-units-product">{tr!("product-nav")}</label>
                        <select id="sales-units-product" name="product">
                            <option value="">{tr!("sales-units-any-product")}</option>
                            {page.products.iter().map(|(id, name)| view! {
                                <option value=id.to_string() selected=selected == Some(*id)>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field checkbox">
                        <input id="sales-units-pending" type="checkbox" name="pending" value="1" checked=q.upgrade_pending/>
                        <label for="sales-units-pending">{tr!("sales-units-upgrade-pending")}</label>
                    </div>
                    <button type="submit" class="secondary">{tr!("filter")}</button>
                </form>
                {rows}
                {(first.is_some() || next.is_some()).then(|| view! {
                    <nav class="pager" aria-label=tr!("sales-units-pages")>
                        {first.map(|h| view! { <a href=h>{tr!("sales-units-first-page")}</a> })}
                        {next.map(|h| view! { <a href=h>{tr!("sales-units-next-page")}</a> })}
                    </nav>
                })}
            }
            .into_any()
        })}
    }
}
