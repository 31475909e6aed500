//! The sales units' server functions.
use super::dto::{SalesUnitDetail, SalesUnitPage, SalesUnitQuery};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {super::service, crate::server::lookups::shared, crate::server::request};

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
