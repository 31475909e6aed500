//! The price packages section of the operator's customer page: each installation's package,
//! changed one at a time (a plain form each, so it works without JavaScript).
use crate::components::{EmptyState, FormResult};
use crate::features::pricing::api::{get_customer_packages, SetInstallationPricePackage};
use crate::features::pricing::dto::CustomerPackages;
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;

/// Installations' price packages of customer `customer_id`, on the operator `org`'s page.
#[component]
pub fn CustomerPackagesSection(org: i32, customer_id: i32) -> impl IntoView {
    let set = ServerAction::<SetInstallationPricePackage>::new();
    let packages = Resource::new(
        move || (org, customer_id, set.version().get()),
        |(org, id, _)| get_customer_packages(org, id),
    );
    // Only a customer has installations; for any other organization (or a refusal, which the
    // page itself shows) the section is left out.
    view! {
        <Transition>
            {move || Suspend::new(async move {
                // A customer without installations has nothing to price (its page says so).
                packages.await.ok().filter(|c| !c.units.is_empty()).map(|c| view! { <UnitPackages org=org c=c set=set/> })
            })}
        </Transition>
    }
}

#[component]
fn UnitPackages(
    org: i32,
    c: CustomerPackages,
    set: ServerAction<SetInstallationPricePackage>,
) -> impl IntoView {
    view! {
            <section aria-labelledby="unit-packages-title">
                <h2 id="unit-packages-title">{tr!("nav-price-packages")}</h2>
                <p class="muted">{match c.market {
                    Some(m) => tr!("customer-packages-market", { "market" => m.label(lang()) }),
                    None => tr!("customer-packages-no-market"),
                }}</p>
                {if c.choices.is_empty() {
                    view! { <EmptyState text=tr!("customer-packages-none-to-choose")/> }.into_any()
                } else {
                    view! {
                        <ul class="plain-list" aria-label=tr!("customer-packages-label")>
                            {c.units.clone().into_iter().map(|u| {
                                let choices = c.choices.clone();
                                let field = format!("unit-package-{}", u.installation);
                                let current = u.package.as_ref().map(|p| p.id);
                                view! {
                                    <li>
                                        <ActionForm action=set attr:class="inline">
                                            <input type="hidden" name="org_id" value=org/>
                                            <input type="hidden" name="installation" value=u.installation/>
                                            <label for=field.clone()>{format!("{} ({})", u.name, u.installation_id)}</label>" "
                                            <select id=field name="price_package_id">
                                                <option value="" selected=current.is_none()>{tr!("price-package-none")}</option>
                                                {choices.into_iter().map(|p| view! {
                                                    <option value=p.id selected=current == Some(p.id)>{p.text()}</option>
                                                }).collect_view()}
                                            </select>" "
                                            <button type="submit" class="secondary" disabled=!c.can_edit
                                                aria-label=tr!("customer-packages-save-for", { "installation" => u.installation_id.clone() })>
                                                {tr!("customer-packages-save")}
                                            </button>
                                        </ActionForm>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <FormResult value=set.value() success=|_: ()| tr!("customer-packages-saved")/>
            </section>
    }
}
