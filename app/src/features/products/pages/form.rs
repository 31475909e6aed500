//! "New product" and "Edit": the product's own fields.
use crate::components::{id_param, loaded, org_param, FormResult, PageHeader};
use crate::features::products::api::{get_product, CreateProduct, UpdateProduct};
use crate::features::products::dto::{ProductDetail, ProductDto, ProductKind};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// The fields shared by "New product" and "Edit".
#[component]
fn ProductFields(#[prop(optional)] p: Option<ProductDto>) -> impl IntoView {
    let kind = p
        .as_ref()
        .map(|p| p.kind)
        .unwrap_or(ProductKind::OrderIntegration);
    let text = |f: fn(&ProductDto) -> Option<String>| p.as_ref().and_then(f).unwrap_or_default();
    view! {
        <div class="field">
            <label for="product-name">{tr!("products-name")}</label>
            <input id="product-name" name="name" type="text" maxlength="100" value=text(|p| Some(p.name.clone()))
                aria-describedby="product-name-help"/>
            <p id="product-name-help" class="muted">{tr!("products-name-help")}</p>
        </div>
        <fieldset class="field">
            <legend>{tr!("kind")}</legend>
            {[ProductKind::OrderIntegration, ProductKind::Rights].into_iter().map(|k| view! {
                <div class="radio">
                    <input type="radio" name="kind" id=format!("kind-{}", k.as_str()) value=k.as_str() checked=k == kind/>
                    <label for=format!("kind-{}", k.as_str())>{k.label(lang())}</label>
                    <p class="muted">{k.explanation(lang())}</p>
                </div>
            }).collect_view()}
        </fieldset>
        <div class="field">
            <label for="product-description">{tr!("description")}</label>
            <textarea id="product-description" name="description" rows="4" maxlength="2000">{text(|p| Some(p.description.clone()))}</textarea>
        </div>
        <div class="field-row">
            <div class="field grow">
                <label for="product-support-email">{tr!("products-support-email")}</label>
                <input id="product-support-email" name="support_email" type="text" inputmode="email" value=text(|p| p.support_email.clone())/>
            </div>
            <div class="field grow">
                <label for="product-support-url">{tr!("products-support-url")}</label>
                <input id="product-support-url" name="support_url" type="text" inputmode="url" placeholder="https://" value=text(|p| p.support_url.clone())/>
            </div>
        </div>
    }
}

/// `/o/:org/products/new`.
#[component]
pub fn NewProductPage() -> impl IntoView {
    let org = org_param();
    let create = ServerAction::<CreateProduct>::new();
    view! {
        <p><a href=move || paths::products(org.get())>{tr!("products-back")}</a></p>
        <PageHeader title=tr!("products-new")/>
        <ActionForm action=create attr:class="card form-card">
            <input type="hidden" name="org_id" value=move || org.get()/>
            <ProductFields/>
            <FormResult value=create.value()/>
            <button type="submit" class="primary" disabled=move || create.pending().get()>{tr!("add")}</button>
        </ActionForm>
    }
}

/// `/o/:org/products/:id/edit`: fields change in place; no new version is needed.
#[component]
pub fn EditProductPage() -> impl IntoView {
    let org = org_param();
    let id = id_param("id");
    let update = ServerAction::<UpdateProduct>::new();
    let detail = Resource::new(move || (org.get(), id.get()), |(o, p)| get_product(o, p));
    view! {
        {loaded(detail, move |d: ProductDetail| {
                view! {
                    <p><a href=paths::product(org.get(), d.product.id)>{format!("← {}", d.product.name)}</a></p>
                    <PageHeader title=tr!("products-edit-title") subtitle=tr!("products-edit-subtitle")/>
                    <super::ProductTabs org=org.get() product_id=d.product.id current=super::ProductTab::Settings/>
                    <ActionForm action=update attr:class="card form-card">
                        <input type="hidden" name="org_id" value=org.get()/>
                        <input type="hidden" name="product_id" value=d.product.id/>
                        <ProductFields p=d.product.clone()/>
                        <FormResult value=update.value()/>
                        <button type="submit" class="primary">{tr!("save-changes")}</button>
                    </ActionForm>
                }
        })}
    }
}
