//! The customer's "Installations": its own active installations (the sales units its partners
//! see), and each one's page with the name, logo and the whole history.
use super::edit::NameAndLogo;
use super::history::HistoryTable;
use super::list::products_cell;
use crate::components::{loaded, org_param, DataTable, EmptyState, PageHeader};
use crate::features::sales_units::api::{get_installation, list_installations, RenameSalesUnit};
use crate::features::sales_units::dto::{SalesUnitDetail, SalesUnitRow};
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_params_map;

/// `/o/:org/installations`.
#[component]
pub fn InstallationsPage() -> impl IntoView {
    let org = org_param();
    let list = Resource::new(move || org.get(), list_installations);
    view! {
        <PageHeader title=tr!("nav-installations") subtitle=tr!("installations-subtitle")/>
        {loaded(list, move |rows: Vec<SalesUnitRow>| {
            if rows.is_empty() {
                return view! { <EmptyState text=tr!("installations-none")/> }.into_any();
            }
            view! {
                <DataTable label=tr!("nav-installations") headers=vec![{tr!("name")}, {tr!("installation-id")}, {tr!("price-package")}, {tr!("nav-products")}]>
                    {rows.iter().map(|r| view! {
                        <tr>
                            <td><a href=paths::installation(org.get(), &r.installation_id)>{r.name.clone()}</a></td>
                            <td><code>{r.installation_id.clone()}</code></td>
                            <td>{r.price_package.clone().unwrap_or_else(|| "—".into())}</td>
                            <td>{if r.products.is_empty() { view! { <span class="muted">{tr!("installations-no-products")}</span> }.into_any() } else { products_cell(&r.products).into_any() }}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            }
            .into_any()
        })}
    }
}

/// `/o/:org/installations/:installation`.
#[component]
pub fn InstallationPage() -> impl IntoView {
    let org = org_param();
    let params = use_params_map();
    let installation = Memo::new(move |_| params.read().get("installation").unwrap_or_default());
    let rename = ServerAction::<RenameSalesUnit>::new();
    let detail = Resource::new(
        move || (org.get(), installation.get(), rename.version().get()),
        |(o, i, _)| get_installation(o, i),
    );
    view! {
        {loaded(detail, move |d: SalesUnitDetail| {
            let org = org.get();
            let page = paths::installation(org, &d.unit.installation_id);
            let u = d.unit.clone();
            view! {
                <p class="breadcrumb"><a href=paths::installations(org)>{tr!("nav-installations")}</a></p>
                <PageHeader title=u.name.clone() subtitle=tr!("sales-unit-subtitle", { "id" => u.installation_id.clone() })/>
                <section class="card" aria-labelledby="unit-details-title">
                    <h2 id="unit-details-title">{tr!("sales-unit-details")}</h2>
                    <dl class="facts">
                        <dt>{tr!("installation-id")}</dt><dd><code>{u.installation_id.clone()}</code></dd>
                        <dt>{tr!("nav-products")}</dt><dd>{products_cell(&u.products)}</dd>
                    </dl>
                </section>
                <NameAndLogo org=org page=page detail=d.clone() rename=rename/>
                <section aria-labelledby="unit-history-title">
                    <h2 id="unit-history-title">{tr!("unit-history-title")}</h2>
                    <HistoryTable entries=d.history/>
                </section>
            }
        })}
    }
}
