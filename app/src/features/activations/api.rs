//! The customer side's server functions.
use super::dto::{ProductPanel, SuppliersPage};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::service::partner_notice::{self, CustomerMove},
    super::service::{activation, cards},
    crate::paths,
    crate::server::lookups::shared,
    crate::server::request,
};

/// A customer's suppliers page for one installation ("" for the first).
#[server]
pub async fn get_suppliers(
    org_id: i32,
    installation: String,
    search: String,
    kind: String,
) -> Result<SuppliersPage, AppError> {
    let key = format!("suppliers {org_id} {installation:?} {search:?} {kind:?}");
    shared(key, || async move {
        let (st, actor) = request::actor().await?;
        cards::suppliers_page(&st.db, &actor, org_id, &installation, &search, &kind).await
    })
    .await
}

/// A product card's side panel.
#[server]
pub async fn get_product_panel(
    org_id: i32,
    installation: String,
    product_id: i32,
) -> Result<ProductPanel, AppError> {
    shared(
        format!("panel {org_id} {installation:?} {product_id}"),
        || async move {
            let (st, actor) = request::actor().await?;
            cards::panel(&st.db, &actor, org_id, &installation, product_id).await
        },
    )
    .await
}

/// Sends a plain form post back to the panel, saying what was done.
#[cfg(feature = "ssr")]
fn back_to_panel(org_id: i32, installation: &str, product_id: i32, done: &str) {
    let panel = paths::supplier_panel(org_id, installation, product_id);
    leptos_axum::redirect(&format!("{panel}&done={done}"));
}

/// Tells the product's partner what the customer did. The customer's change stands whatever
/// happens here: a failure is logged, not shown to the customer.
#[cfg(feature = "ssr")]
async fn tell_partner(
    st: &crate::server::AppState,
    org_id: i32,
    installation: &str,
    product_id: i32,
    what: CustomerMove,
) {
    let told =
        partner_notice::tell_partner(&st.db, &st.config, org_id, installation, product_id, what)
            .await;
    if let Err(e) = told {
        tracing::warn!(error = ?e, product_id, "could not tell the partner of {what:?}");
    }
    st.mail_wake.notify_one();
}

/// "Activate product" at the reviewed version.
#[server]
pub async fn activate_product(
    org_id: i32,
    installation: String,
    product_id: i32,
    version: i32,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    activation::activate(&st.db, &actor, org_id, &installation, product_id, version).await?;
    tell_partner(
        &st,
        org_id,
        &installation,
        product_id,
        CustomerMove::Activated(version),
    )
    .await;
    back_to_panel(org_id, &installation, product_id, "activated");
    Ok(())
}

/// "Upgrade product" to the reviewed version.
#[server]
pub async fn upgrade_product(
    org_id: i32,
    installation: String,
    product_id: i32,
    version: i32,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    activation::upgrade(&st.db, &actor, org_id, &installation, product_id, version).await?;
    tell_partner(
        &st,
        org_id,
        &installation,
        product_id,
        CustomerMove::Upgraded(version),
    )
    .await;
    back_to_panel(org_id, &installation, product_id, "upgraded");
    Ok(())
}

/// "Keep current version" after reviewing the offered `version`.
#[server]
pub async fn keep_version(
    org_id: i32,
    installation: String,
    product_id: i32,
    version: i32,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    activation::keep_version(&st.db, &actor, org_id, &installation, product_id, version).await?;
    tell_partner(
        &st,
        org_id,
        &installation,
        product_id,
        CustomerMove::Kept(version),
    )
    .await;
    back_to_panel(org_id, &installation, product_id, "kept");
    Ok(())
}

/// Deactivates a product on an installation (after confirmation).
#[server]
pub async fn deactivate_product(
    org_id: i32,
    installation: String,
    product_id: i32,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    activation::deactivate(&st.db, &actor, org_id, &installation, product_id).await?;
    tell_partner(
        &st,
        org_id,
        &installation,
        product_id,
        CustomerMove::Deactivated,
    )
    .await;
    back_to_panel(org_id, &installation, product_id, "deactivated");
    Ok(())
}
