//! `/o/:org/price-packages/:id`: the operator edits a price package and offers it to partners.
use super::fields::PackageFields;
use crate::components::{id_param, loaded, org_param, EmptyState, FormResult, PageHeader};
use crate::features::pricing::api::{
    get_price_package, SetPricePackageOffered, UpdatePricePackage,
};
use crate::features::pricing::dto::PricePackageDetail;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;

/// `/o/:org/price-packages/:id`.
#[component]
pub fn PricePackagePage() -> impl IntoView {
    let org = org_param();
    let id = id_param("id");
    let update = ServerAction::<UpdatePricePackage>::new();
    let offer = ServerAction::<SetPricePackageOffered>::new();
    let detail = Resource::new(
        move || {
            (
                org.get(),
                id.get(),
                update.version().get(),
                offer.version().get(),
            )
        },
        |(org, id, ..)| get_price_package(org, id),
    );
    view! {
        <p><a href=move || paths::price_packages(org.get())>{tr!("price-packages-back")}</a></p>
        {loaded(detail, move |d: PricePackageDetail| {
            let p = d.package.clone();
            let offered = p.offered_to.clone();
            let others = d.other_partners.clone();
            let (org, id) = (org.get(), p.id);
            view! {
                <Title text=p.name.clone()/>
                <PageHeader title=p.name.clone() subtitle=tr!("price-package-subtitle", { "count" => p.sales_units })/>
                <ActionForm action=update attr:class="card form-card">
                    <input type="hidden" name="org_id" value=org/>
                    <input type="hidden" name="id" value=id/>
                    <PackageFields p=p.clone()/>
                    <FormResult value=update.value() success=|_: ()| tr!("price-package-saved")/>
                    <button type="submit" class="primary" disabled=!d.can_edit>{tr!("save-changes")}</button>
                </ActionForm>
                <section aria-labelledby="offers-title">
                    <h2 id="offers-title">{tr!("price-package-offered-to")}</h2>
                    <p class="muted">{tr!("price-package-offers-explained")}</p>
                    {if offered.is_empty() {
                        view! { <EmptyState text=tr!("price-package-offered-to-nobody")/> }.into_any()
                    } else {
                        view! {
                            <ul class="plain-list" aria-label=tr!("price-package-offered-to")>
                                {offered.into_iter().map(|o| view! {
                                    <li>
                                        {o.name.clone()}" "
                                        <ActionForm action=offer attr:class="inline">
                                            <input type="hidden" name="org_id" value=org/>
                                            <input type="hidden" name="id" value=id/>
                                            <input type="hidden" name="partner_id" value=o.id/>
                                            <input type="hidden" name="offered" value="false"/>
                                            <button type="submit" class="secondary"
                                                aria-label=tr!("price-package-withdraw-from", { "partner" => o.name.clone() })>
                                                {tr!("price-package-withdraw")}
                                            </button>
                                        </ActionForm>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {(!others.is_empty()).then(|| view! {
                        <ActionForm action=offer attr:class="card form-card">
                            <input type="hidden" name="org_id" value=org/>
                            <input type="hidden" name="id" value=id/>
                            <input type="hidden" name="offered" value="true"/>
                            <div class="field">
                                <label for="offer-partner">{tr!("price-package-offer-to")}</label>
                                <select id="offer-partner" name="partner_id">
                                    {others.into_iter().map(|o| view! {
                                        <option value=o.id>{o.name.clone()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="submit" class="primary" disabled=!d.can_edit>{tr!("price-package-offer")}</button>
                        </ActionForm>
                    })}
                    <FormResult value=offer.value()/>
                </section>
            }
        })}
    }
}
