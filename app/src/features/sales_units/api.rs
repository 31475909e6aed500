//! The sales units' server functions.
use super::dto::{OrgFigures, SalesUnitDetail, SalesUnitPage, SalesUnitRow};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::dto::SalesUnitQuery, super::service, crate::server::lookups::shared,
    crate::server::request,
};

/// One page of the partner's sales units.
#[server]
pub async fn list_sales_units(
    org_id: i32,
    q: String,
    product_id: Option<i32>,
    upgrade_pending: bool,
    cursor: String,
) -> Result<SalesUnitPage, AppError> {
    let query = SalesUnitQuery {
        q,
        product_id,
        upgrade_pending,
        cursor,
        ..SalesUnitQuery::default()
    };
    shared(format!("sales units {org_id} {query:?}"), || async move {
        let (st, actor) = request::actor().await?;
        service::list::list(&st.db, &actor, org_id, &query).await
    })
    .await
}

/// A sales unit's page.
#[server]
pub async fn get_sales_unit(
    org_id: i32,
    installation_id: String,
) -> Result<SalesUnitDetail, AppError> {
    shared(
        format!("sales unit {org_id} {installation_id:?}"),
        || async move {
            let (st, actor) = request::actor().await?;
            service::detail::detail(&st.db, &actor, org_id, &installation_id).await
        },
    )
    .await
}

/// A customer's own installations ("Installations").
#[server]
pub async fn list_installations(org_id: i32) -> Result<Vec<SalesUnitRow>, AppError> {
    shared(format!("installations {org_id}"), || async move {
        let (st, actor) = request::actor().await?;
        service::customer::list(&st.db, &actor, org_id).await
    })
    .await
}

/// A customer's installation page.
#[server]
pub async fn get_installation(
    org_id: i32,
    installation_id: String,
) -> Result<SalesUnitDetail, AppError> {
    shared(
        format!("installation {org_id} {installation_id:?}"),
        || async move {
            let (st, actor) = request::actor().await?;
            service::customer::detail(&st.db, &actor, org_id, &installation_id).await
        },
    )
    .await
}

/// "Save name": a partner admin for a connected sales unit, a customer admin for an own
/// installation.
#[server]
pub async fn rename_sales_unit(
    org_id: i32,
    installation_id: String,
    name: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    service::edit::rename(&st.db, &st.config, &actor, org_id, &installation_id, &name).await
}

/// The dashboard's figures (a partner's, a customer's or the operator's).
#[server]
pub async fn get_figures(org_id: i32) -> Result<OrgFigures, AppError> {
    shared(format!("figures {org_id}"), || async move {
        let (st, actor) = request::actor().await?;
        service::figures::figures(&st.db, &actor, org_id).await
    })
    .await
}
