//! Product orders' server functions.
use super::dto::{ProductOrderDetail, ProductOrdersPage, SignUpView, TemplateStart, TemplatesView};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::dto::ProductOrderQuery, super::service, crate::server::lookups::shared,
    crate::server::request,
};

/// An optional numeric form field: empty is `None`, anything else must be a number.
#[cfg(feature = "ssr")]
fn optional_id(raw: &str, lang: crate::i18n::Lang) -> Result<Option<i32>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        s => s
            .parse()
            .map(Some)
            .map_err(|_| AppError::invalid(crate::t!(lang, "error-form-incomplete"))),
    }
}

/// "Product orders": a partner's, a customer's, or the operator's queue.
#[server]
pub async fn list_product_orders(
    org_id: i32,
    status: String,
    order_type: String,
    q: String,
    include_expired: bool,
    cursor: String,
) -> Result<ProductOrdersPage, AppError> {
    let query = ProductOrderQuery {
        status,
        order_type,
        q,
        include_expired,
        cursor,
    };
    shared(
        format!("product orders {org_id} {query:?}"),
        || async move {
            let (st, actor) = request::actor().await?;
            service::list::list(&st.db, &actor, org_id, &query).await
        },
    )
    .await
}

/// A product order's page.
#[server]
pub async fn get_product_order(
    org_id: i32,
    order_id: String,
) -> Result<ProductOrderDetail, AppError> {
    shared(
        format!("product order {org_id} {order_id:?}"),
        || async move {
            let (st, actor) = request::actor().await?;
            service::list::detail(&st.db, &st.config, &actor, org_id, &order_id).await
        },
    )
    .await
}

/// "Create product order" (a partner admin's prefill); goes to the new order's page.
#[server]
#[allow(clippy::too_many_arguments)]
pub async fn create_product_order(
    org_id: i32,
    business_id_scheme: String,
    business_id: String,
    product_id: String,
    price_package_id: String,
    sales_unit_name: String,
    contact_email: String,
    note: String,
    send_email: Option<String>,
) -> Result<String, AppError> {
    let (st, actor) = request::actor().await?;
    let input = service::create::PrefillInput {
        business_id_scheme,
        business_id,
        product_id: optional_id(&product_id, actor.lang)?.unwrap_or(0),
        price_package_id: optional_id(&price_package_id, actor.lang)?,
        sales_unit_name,
        logo: None,
        contact_email: Some(contact_email),
        note,
        send_email: send_email.is_some(),
    };
    let made = service::create::prefill(&st.db, &st.config, &actor, org_id, input, None).await?;
    leptos_axum::redirect(&crate::paths::product_order(org_id, &made.order.public_id));
    Ok(made.order.public_id)
}

/// A partner admin deletes a prefill not yet submitted.
#[server]
pub async fn delete_product_order(org_id: i32, order_id: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    service::list::delete(&st.db, &actor, org_id, &order_id).await?;
    leptos_axum::redirect(&crate::paths::product_orders(org_id));
    Ok(())
}

/// An operator admin approves: `target` is `new` (a new sales unit) or an installation ID of the
/// customer's to connect.
#[server]
pub async fn approve_product_order(
    org_id: i32,
    order_id: String,
    target: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    let target = match target.trim() {
        "" | "new" => service::decide::Target::New,
        iid => service::decide::Target::Existing(iid.to_owned()),
    };
    service::decide::approve(&st.db, &st.config, &actor, org_id, &order_id, target)
        .await
        .map(|_| ())
}

/// An operator admin rejects, with a reason for the operator's records.
#[server]
pub async fn reject_product_order(
    org_id: i32,
    order_id: String,
    reason: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    service::decide::reject(&st.db, &st.config, &actor, org_id, &order_id, &reason)
        .await
        .map(|_| ())
}

/// An operator admin turns auto-approval of known customers' orders on or off.
#[server]
pub async fn set_product_order_auto_approve(org_id: i32, on: bool) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    service::auto_approve::set_auto_approve(&st.db, &actor, org_id, on).await
}

/// The review page behind an order's link.
#[server]
pub async fn get_sign_up(token: String) -> Result<SignUpView, AppError> {
    let (st, actor) = request::actor().await?;
    service::review::view(&st.db, &actor, &token).await
}

/// "Submit" on the review page (with the consent ticked).
#[server]
pub async fn submit_sign_up(
    token: String,
    sales_unit_name: String,
    customer_name: String,
    price_package_id: String,
    consent: Option<String>,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    let input = service::review::SubmitInput {
        sales_unit_name,
        customer_name,
        price_package_id: optional_id(&price_package_id, actor.lang)?,
        consent: consent.is_some(),
    };
    service::review::submit(&st.db, &st.config, &actor, &token, input)
        .await
        .map(|_| ())
}

/// What a template's link shows before an order starts.
#[server]
pub async fn get_template_start(token: String) -> Result<TemplateStart, AppError> {
    let (st, actor) = request::actor().await?;
    service::templates::start_view(&st.db, &actor, &token).await
}

/// "Next" on a template's link: starts the order for one of the person's customers
/// (`customer` = its ID) or for a company new to Portico (`customer` = `new`), then opens it.
#[server]
pub async fn start_from_template(
    token: String,
    customer: String,
    business_id_scheme: String,
    business_id: String,
    company_name: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    let t = service::templates::by_token(&st.db, &token)
        .await?
        .filter(|t| t.status == crate::glossary::TemplateStatus::Active)
        .ok_or(AppError::LinkExpired)?;
    let (customer_id, new) = match customer.trim() {
        "new" => (None, Some((business_id_scheme, business_id, company_name))),
        id => (optional_id(id, actor.lang)?, None),
    };
    let link =
        service::start::from_template(&st.db, &st.config, &actor, &t, customer_id, new).await?;
    leptos_axum::redirect(&crate::paths::sign_up(&link));
    Ok(())
}

/// "Order a product" on the suppliers page: a customer admin's own order, opened for review.
#[server]
pub async fn order_product(org_id: i32, product_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    let link = service::start::manual(&st.db, &st.config, &actor, org_id, product_id).await?;
    leptos_axum::redirect(&crate::paths::sign_up(&link));
    Ok(())
}

/// What a customer may order on its own: (product, name, partner).
#[server]
pub async fn list_orderable_products(org_id: i32) -> Result<Vec<(i32, String, String)>, AppError> {
    shared(format!("orderable {org_id}"), || async move {
        let (st, actor) = request::actor().await?;
        service::start::orderable_products(&st.db, &actor, org_id).await
    })
    .await
}

/// The partner's product order templates.
#[server]
pub async fn list_templates(org_id: i32) -> Result<TemplatesView, AppError> {
    shared(format!("templates {org_id}"), || async move {
        let (st, actor) = request::actor().await?;
        service::templates::list(&st.db, &st.config, &actor, org_id).await
    })
    .await
}

/// "Create template" (a partner admin).
#[server]
pub async fn create_template(
    org_id: i32,
    name: String,
    product_id: String,
    price_package_id: String,
) -> Result<String, AppError> {
    let (st, actor) = request::actor().await?;
    let product = optional_id(&product_id, actor.lang)?.unwrap_or(0);
    let package = optional_id(&price_package_id, actor.lang)?;
    service::templates::create(&st.db, &actor, org_id, &name, product, package).await
}

/// "Retire" a template (a partner admin).
#[server]
pub async fn retire_template(org_id: i32, template_id: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    service::templates::retire(&st.db, &actor, org_id, &template_id).await
}
