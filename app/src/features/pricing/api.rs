//! Pricing's server functions.
use super::dto::{
    CommissionMonthPage, CommissionView, CustomerPackages, PricePackageDetail, PricePackagesView,
};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::dto::PricePackageInput, super::service, crate::server::lookups::shared,
    crate::server::request,
};

/// A price package form's fields (a checkbox sends its value only when ticked).
#[cfg(feature = "ssr")]
fn package_input(
    name: String,
    description: String,
    market: String,
    commission: String,
    visible_in_signup: Option<String>,
) -> PricePackageInput {
    PricePackageInput {
        name,
        description,
        market,
        commission,
        visible_in_signup: visible_in_signup.is_some(),
    }
}

/// The "Price packages" page.
#[server]
pub async fn list_price_packages(org_id: i32) -> Result<PricePackagesView, AppError> {
    shared(format!("price packages {org_id}"), || async move {
        let (st, actor) = request::actor().await?;
        service::packages::list(&st.db, &actor, org_id).await
    })
    .await
}

/// A price package's page (the operator's staff).
#[server]
pub async fn get_price_package(org_id: i32, id: i32) -> Result<PricePackageDetail, AppError> {
    shared(format!("price package {org_id} {id}"), || async move {
        let (st, actor) = request::actor().await?;
        service::packages::detail(&st.db, &actor, org_id, id).await
    })
    .await
}

/// "Create price package" (an operator admin); returns its ID.
#[server]
pub async fn create_price_package(
    org_id: i32,
    name: String,
    description: String,
    market: String,
    commission: String,
    visible_in_signup: Option<String>,
) -> Result<i32, AppError> {
    let (st, actor) = request::actor().await?;
    let input = package_input(name, description, market, commission, visible_in_signup);
    let id = service::packages::create(&st.db, &actor, org_id, &input).await?;
    leptos_axum::redirect(&crate::paths::price_package(org_id, id));
    Ok(id)
}

/// "Save" on a price package's page (an operator admin).
#[server]
pub async fn update_price_package(
    org_id: i32,
    id: i32,
    name: String,
    description: String,
    market: String,
    commission: String,
    visible_in_signup: Option<String>,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    let input = package_input(name, description, market, commission, visible_in_signup);
    service::packages::update(&st.db, &actor, org_id, id, &input).await
}

/// "Offer" (`offered` = `true`) or "Withdraw" a package to or from a partner.
#[server]
pub async fn set_price_package_offered(
    org_id: i32,
    id: i32,
    partner_id: i32,
    offered: bool,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    service::packages::set_offered(&st.db, &actor, org_id, id, partner_id, offered).await
}

/// A customer's installations and their price packages, on the operator's customer page.
#[server]
pub async fn get_customer_packages(
    org_id: i32,
    customer_id: i32,
) -> Result<CustomerPackages, AppError> {
    shared(
        format!("customer packages {org_id} {customer_id}"),
        || async move {
            let (st, actor) = request::actor().await?;
            service::assign::customer_packages(&st.db, &actor, org_id, customer_id).await
        },
    )
    .await
}

/// The operator sets an installation's price package; `price_package_id` "" removes it.
#[server]
pub async fn set_installation_price_package(
    org_id: i32,
    installation: i32,
    price_package_id: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    let package = match price_package_id.trim() {
        "" => None,
        id => Some(
            id.parse::<i32>()
                .map_err(|_| AppError::invalid(crate::t!(actor.lang, "price-package-unknown")))?,
        ),
    };
    service::assign::set_package(&st.db, &actor, org_id, installation, package).await
}

/// The "Commission" page: a partner's months, or the operator's latest statements.
#[server]
pub async fn get_commission(org_id: i32) -> Result<CommissionView, AppError> {
    shared(format!("commission {org_id}"), || async move {
        let (st, actor) = request::actor().await?;
        service::commission_read::overview(&st.db, &actor, org_id).await
    })
    .await
}

/// A month of the partner's commission: its sums and a page of rows after row `cursor`.
#[server]
pub async fn get_commission_month(
    org_id: i32,
    period: String,
    cursor: i32,
) -> Result<CommissionMonthPage, AppError> {
    shared(
        format!("commission month {org_id} {period:?} {cursor}"),
        || async move {
            let (st, actor) = request::actor().await?;
            service::commission_read::partner_month(
                &st.db,
                &actor,
                org_id,
                &period,
                cursor,
                super::dto::COMMISSION_PAGE_SIZE,
            )
            .await
        },
    )
    .await
}
