//! `/o/:org/price-packages`: every price package with "New price package" for the operator's
//! staff; those offered to it for a partner.
use super::fields::PackageFields;
use crate::components::{loaded, org_param, DataTable, EmptyState, FormResult, PageHeader};
use crate::features::pricing::api::{list_price_packages, CreatePricePackage};
use crate::features::pricing::dto::{PricePackageDto, PricePackagesView};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// Whether customers see a package in the sign-up form, as a cell.
pub(super) fn signup_cell(p: &PricePackageDto) -> String {
    if p.visible_in_signup {
        tr!("price-package-shown")
    } else {
        tr!("price-package-hidden")
    }
}

/// The packages as a table; the operator's has whom each is offered to and its sales units.
#[component]
fn PackagesTable(org: i32, view: PricePackagesView) -> impl IntoView {
    let manage = view.can_manage;
    let mut headers = vec![
        tr!("name"),
        tr!("description"),
        tr!("price-package-market"),
        tr!("price-package-commission"),
        tr!("price-package-signup"),
    ];
    if manage {
        headers.extend([tr!("price-package-offered-to"), tr!("nav-sales-units")]);
    }
    view! {
        <DataTable label=tr!("nav-price-packages") headers=headers>
            {view.packages.into_iter().map(|p| {
                let name = if manage {
                    view! { <a href=paths::price_package(org, p.id)>{p.name.clone()}</a> }.into_any()
                } else {
                    p.name.clone().into_any()
                };
                view! {
                    <tr>
                        <td>{name}</td>
                        <td>{p.description.clone()}</td>
                        <td>{p.market.label(lang())}</td>
                        <td>{p.commission.clone().unwrap_or_else(|| "—".into())}</td>
                        <td>{signup_cell(&p)}</td>
                        {manage.then(|| view! {
                            <td>{if p.offered_to.is_empty() {
                                tr!("price-package-offered-to-nobody")
                            } else {
                                p.offered_to.iter().map(|o| o.name.clone()).collect::<Vec<_>>().join(", ")
                            }}</td>
                            <td>{p.sales_units}</td>
                        })}
                    </tr>
                }
            }).collect_view()}
        </DataTable>
    }
}

/// `/o/:org/price-packages`.
#[component]
pub fn PricePackagesPage() -> impl IntoView {
    let org = org_param();
    let create = ServerAction::<CreatePricePackage>::new();
    let list = Resource::new(move || org.get(), list_price_packages);
    view! {
        {loaded(list, move |v: PricePackagesView| {
            let manage = v.can_manage;
            let subtitle = if manage { tr!("price-packages-operator-subtitle") } else { tr!("price-packages-partner-subtitle") };
            view! {
                <PageHeader title=tr!("nav-price-packages") subtitle=subtitle/>
                {if v.packages.is_empty() {
                    let text = if manage { tr!("price-packages-none") } else { tr!("price-packages-none-offered") };
                    view! { <EmptyState text=text/> }.into_any()
                } else {
                    view! { <PackagesTable org=org.get() view=v/> }.into_any()
                }}
                {manage.then(|| view! {
                    <section class="card form-card" aria-labelledby="new-package-title">
                        <h2 id="new-package-title">{tr!("price-packages-new")}</h2>
                        <ActionForm action=create>
                            <input type="hidden" name="org_id" value=org.get()/>
                            <PackageFields/>
                            <FormResult value=create.value()/>
                            <button type="submit" class="primary" disabled=move || create.pending().get()>{tr!("price-packages-create")}</button>
                        </ActionForm>
                    </section>
                })}
            }
        })}
    }
}
