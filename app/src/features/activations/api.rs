//! The customer side's server functions.
use super::dto::{ProductPanel, SuppliersPage};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
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
    back_to_panel(org_id, &installation, product_id, "deactivated");
    Ok(())
}
