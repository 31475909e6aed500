//! `/o/:org/product-order-templates`: a partner's reusable sign-up links, each with how many
//! orders it started and their statuses; admins create and retire them.
use crate::components::{
    loaded, org_param, Confirmed, CopyField, EmptyState, FormResult, PageHeader, StatusBadge,
};
use crate::features::product_orders::api::{list_templates, CreateTemplate, RetireTemplate};
use crate::features::product_orders::dto::{TemplateRow, TemplatesView};
use crate::glossary::TemplateStatus;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// One template: its product, package, link, orders by status, and "Retire".
#[component]
fn Template(
    org: i32,
    t: TemplateRow,
    manage: bool,
    retire: ServerAction<RetireTemplate>,
) -> impl IntoView {
    let id = StoredValue::new(t.id.clone());
    let input_id = format!("link-{}", t.id);
    let counts = if t.by_status.is_empty() {
        tr!("template-no-orders")
    } else {
        t.by_status
            .iter()
            .map(|(s, n)| format!("{} {n}", s.label(lang())))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let active = t.status == TemplateStatus::Active;
    view! {
        <section class="card" aria-label=t.name.clone()>
            <h2>{t.name.clone()}" "<StatusBadge status=t.status/></h2>
            <p class="muted">{t.product_name.clone()}" · "{t.price_package.clone().unwrap_or_else(|| tr!("product-order-package-customer-chooses"))}</p>
            <p>{tr!("template-orders", { "count" => t.orders })}" "<span class="muted">{counts}</span></p>
            {active.then(|| view! { <CopyField id=input_id.clone() label=tr!("template-link") value=t.link.clone()/> })}
            {(manage && active).then(|| view! {
                <Confirmed key=format!("retire-{}", t.id) label=tr!("template-retire") warning=tr!("template-retire-warning", { "name" => t.name.clone() }) done=retire.version()>
                    <ActionForm action=retire attr:class="inline">
                        <input type="hidden" name="org_id" value=org/>
                        <input type="hidden" name="template_id" value=id.get_value()/>
                        <button type="submit" class="danger">{tr!("template-retire")}</button>
                    </ActionForm>
                </Confirmed>
            })}
        </section>
    }
}

/// `/o/:org/product-order-templates`.
#[component]
pub fn TemplatesPage() -> impl IntoView {
    let org = org_param();
    let create = ServerAction::<CreateTemplate>::new();
    let retire = ServerAction::<RetireTemplate>::new();
    let view_ = Resource::new(
        move || (org.get(), create.version().get(), retire.version().get()),
        |(o, ..)| list_templates(o),
    );
    view! {
        <p><a href=move || paths::product_orders(org.get())>{tr!("product-orders-back")}</a></p>
        <PageHeader title=tr!("nav-product-order-templates") subtitle=tr!("templates-subtitle")/>
        {loaded(view_, move |v: TemplatesView| {
            let org = org.get();
            let manage = v.can_manage;
            view! {
                {if v.rows.is_empty() {
                    view! { <EmptyState text=tr!("templates-none")/> }.into_any()
                } else {
                    v.rows.into_iter().map(|t| view! { <Template org=org t=t manage=manage retire=retire/> }).collect_view().into_any()
                }}
                <FormResult value=retire.value()/>
                {(manage && !v.products.is_empty()).then(|| view! {
                    <section class="card form-card" aria-labelledby="template-new-title">
                        <h2 id="template-new-title">{tr!("template-new")}</h2>
                        <ActionForm action=create>
                            <input type="hidden" name="org_id" value=org/>
                            <div class="field">
                                <label for="template-name">{tr!("name")}</label>
                                <input id="template-name" name="name" required maxlength="100"/>
                            </div>
                            <div class="field">
                                <label for="template-product">{tr!("product-nav")}</label>
                                <select id="template-product" name="product_id">
                                    {v.products.iter().map(|(id, name)| view! { <option value=*id>{name.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="template-package">{tr!("price-package")}</label>
                                <select id="template-package" name="price_package_id">
                                    <option value="">{tr!("product-order-package-customer-chooses")}</option>
                                    {v.packages.iter().map(|p| view! { <option value=p.id>{format!("{} · {}", p.label, p.market)}</option> }).collect_view()}
                                </select>
                            </div>
                            <FormResult value=create.value() success=|_: String| tr!("template-created")/>
                            <button type="submit" class="primary">{tr!("template-create")}</button>
                        </ActionForm>
                    </section>
                })}
            }
            .into_any()
        })}
    }
}
