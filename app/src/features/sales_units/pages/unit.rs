//! `/o/:org/sales-units/:installation`: one sales unit, its products and versions, the push
//! subscriptions that reach it, and its history. Not one of the partner's: 404.
use super::edit::NameAndLogo;
use super::history::HistoryTable;
use super::list::products_cell;
use crate::components::{loaded, org_param, DataTable, EmptyState, PageHeader};
use crate::features::sales_units::api::{get_sales_unit, RenameSalesUnit};
use crate::features::sales_units::dto::SalesUnitDetail;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_params_map;

/// `/o/:org/sales-units/:installation`.
#[component]
pub fn SalesUnitPage() -> impl IntoView {
    let org = org_param();
    let params = use_params_map();
    let installation = Memo::new(move |_| params.read().get("installation").unwrap_or_default());
    let rename = ServerAction::<RenameSalesUnit>::new();
    let detail = Resource::new(
        move || (org.get(), installation.get(), rename.version().get()),
        |(o, i, _)| get_sales_unit(o, i),
    );
    view! {
        {loaded(detail, move |d: SalesUnitDetail| {
            let org = org.get();
            let page = paths::sales_unit(org, &d.unit.installation_id);
            let edit = view! { <NameAndLogo org=org page=page detail=d.clone() rename=rename/> };
            let u = d.unit;
            view! {
                <p class="breadcrumb"><a href=paths::sales_units(org)>{tr!("nav-sales-units")}</a></p>
                <PageHeader title=u.name.clone() subtitle=tr!("sales-unit-subtitle", { "id" => u.installation_id.clone() })/>
                <section class="card" aria-labelledby="unit-details-title">
                    <h2 id="unit-details-title">{tr!("sales-unit-details")}</h2>
                    <dl class="facts">
                        <dt>{tr!("installation-id")}</dt><dd><code>{u.installation_id.clone()}</code></dd>
                        <dt>{tr!("customer")}</dt><dd>{u.customer.clone()}</dd>
                        <dt>{tr!("business-identifier")}</dt><dd>{u.business_identifier.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>{tr!("price-package")}</dt><dd>{u.price_package.clone().unwrap_or_else(|| "—".into())}</dd>
                        <dt>{tr!("nav-products")}</dt><dd>{products_cell(&u.products)}</dd>
                    </dl>
                </section>
                {edit}
                <section aria-labelledby="unit-push-title">
                    <h2 id="unit-push-title">{tr!("push-subscriptions")}</h2>
                    {if d.subscriptions.is_empty() {
                        view! { <EmptyState text=tr!("sales-unit-no-subscriptions")/> }.into_any()
                    } else {
                        view! {
                            <DataTable label=tr!("push-subscriptions") headers=vec![{tr!("push-receiver-url")}, {tr!("product-nav")}, {tr!("push-subscription-id")}, {tr!("status")}]>
                                {d.subscriptions.iter().map(|s| view! {
                                    <tr>
                                        <td><a href=paths::subscription(org, s.product_id, &s.id)>{s.url.clone()}</a></td>
                                        <td>{s.product.clone()}</td>
                                        <td><code>{s.id.clone()}</code></td>
                                        <td>{if s.enabled { tr!("subscription-status-enabled") } else { tr!("subscription-status-disabled") }}</td>
                                    </tr>
                                }).collect_view()}
                            </DataTable>
                        }
                        .into_any()
                    }}
                </section>
                <section aria-labelledby="unit-unit-history-title">
                    <h2 id="unit-unit-history-title">{tr!("unit-history-title")}</h2>
                    <HistoryTable entries=d.history/>
                </section>
            }
        })}
    }
}
