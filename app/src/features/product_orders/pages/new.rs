//! `/o/:org/product-orders/new`: a partner admin prefills a product order (the customer's
//! business identifier, the product, optionally a price package, the sales unit's name, a
//! contact and a note); a customer's admin orders a product on its own.
use crate::components::{loaded, org_param, EmptyState, FormResult, PageHeader, Submit};
use crate::features::product_orders::api::{
    list_orderable_products, list_product_orders, CreateProductOrder, OrderProduct,
};
use crate::features::product_orders::dto::{PackageOption, ProductOrdersPage};
use crate::glossary::OrgKind;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// The partner's prefill form.
#[component]
fn PrefillForm(
    org: i32,
    products: Vec<(i32, String)>,
    packages: Vec<PackageOption>,
) -> impl IntoView {
    let create = ServerAction::<CreateProductOrder>::new();
    view! {
        <ActionForm action=create attr:class="card form-card">
            <input type="hidden" name="org_id" value=org/>
            <fieldset class="field">
                <legend>{tr!("business-identifier")}</legend>
                <div class="field-row">
                    <div class="field">
                        <label for="po-scheme">{tr!("product-order-scheme")}</label>
                        <select id="po-scheme" name="business_id_scheme">
                            {crate::business_id::Scheme::ALL.iter().map(|s| view! {
                                <option value=s.as_str()>{crate::i18n::text(lang(), s.label_key())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field grow">
                        <label for="po-business-id">{tr!("product-order-number")}</label>
                        <input id="po-business-id" name="business_id" required autocomplete="off" placeholder="923609016"/>
                    </div>
                </div>
            </fieldset>
            <div class="field">
                <label for="po-product">{tr!("product-nav")}</label>
                <select id="po-product" name="product_id">
                    {products.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="po-package">{tr!("price-package")}</label>
                <select id="po-package" name="price_package_id">
                    <option value="">{tr!("product-order-package-customer-chooses")}</option>
                    {packages.into_iter().map(|p| view! { <option value=p.id>{format!("{} · {}", p.label, p.market)}</option> }).collect_view()}
                </select>
                <p class="muted">{tr!("product-order-package-explained")}</p>
            </div>
            <div class="field">
                <label for="po-name">{tr!("product-order-sales-unit-name")}</label>
                <input id="po-name" name="sales_unit_name" required maxlength="40"/>
                <p class="muted">{tr!("unit-name-help")}</p>
            </div>
            <div class="field">
                <label for="po-contact">{tr!("product-order-contact")}</label>
                <input id="po-contact" name="contact_email" type="email" autocomplete="off"/>
            </div>
            <div class="field checkbox">
                <input id="po-send" type="checkbox" name="send_email" value="on"/>
                <label for="po-send">{tr!("product-order-send")}</label>
            </div>
            <div class="field">
                <label for="po-note">{tr!("product-order-note")}</label>
                <textarea id="po-note" name="note" rows="3" maxlength="1000"></textarea>
            </div>
            <FormResult value=create.value()/>
            <Submit label=tr!("product-orders-create") busy=tr!("product-orders-creating") pending=create.pending()/>
        </ActionForm>
    }
}

/// A customer's choice of products to order on its own.
#[component]
fn OrderChoice(org: i32) -> impl IntoView {
    let order = ServerAction::<OrderProduct>::new();
    let products = Resource::new(move || org, list_orderable_products);
    view! {
        <p class="muted">{tr!("product-orders-order-explained")}</p>
        {loaded(products, move |products: Vec<(i32, String, String)>| {
            if products.is_empty() {
                return view! { <EmptyState text=tr!("product-orders-nothing-to-order")/> }.into_any();
            }
            view! {
                <ul class="plain-list" aria-label=tr!("nav-products")>
                    {products.into_iter().map(|(id, name, partner)| view! {
                        <li>
                            <ActionForm action=order attr:class="inline">
                                <input type="hidden" name="org_id" value=org/>
                                <input type="hidden" name="product_id" value=id/>
                                <strong>{name.clone()}</strong>" · "{partner}" "
                                <button type="submit" class="secondary" aria-label=tr!("product-orders-order-this", { "product" => name.clone() })>{tr!("product-orders-order")}</button>
                            </ActionForm>
                        </li>
                    }).collect_view()}
                </ul>
                <FormResult value=order.value()/>
            }
            .into_any()
        })}
    }
}

/// `/o/:org/product-orders/new`.
#[component]
pub fn NewProductOrderPage() -> impl IntoView {
    let org = org_param();
    // The list's first page brings what the form needs (products, packages) and the viewer.
    let page = Resource::new(
        move || org.get(),
        |o| {
            list_product_orders(
                o,
                String::new(),
                String::new(),
                String::new(),
                false,
                String::new(),
            )
        },
    );
    view! {
        <p><a href=move || paths::product_orders(org.get())>{tr!("product-orders-back")}</a></p>
        {loaded(page, move |p: ProductOrdersPage| {
            let org = org.get();
            match p.viewer {
                OrgKind::Partner if p.products.is_empty() => view! {
                    <PageHeader title=tr!("product-orders-new")/>
                    <EmptyState text=tr!("product-orders-no-active-products")/>
                }.into_any(),
                OrgKind::Partner => view! {
                    <PageHeader title=tr!("product-orders-new") subtitle=tr!("product-orders-new-explained")/>
                    <PrefillForm org=org products=p.products packages=p.packages/>
                }.into_any(),
                _ => view! {
                    <PageHeader title=tr!("product-orders-order-product")/>
                    <OrderChoice org=org/>
                }.into_any(),
            }
        })}
    }
}
