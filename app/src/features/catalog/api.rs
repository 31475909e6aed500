//! The catalog's server functions.
use super::dto::{ApiFunctionDto, ImportReport};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {super::service, crate::server::request};

/// The operator's catalog page.
#[server]
pub async fn list_catalog(org_id: i32) -> Result<Vec<ApiFunctionDto>, AppError> {
    let (st, actor) = request::actor().await?;
    service::list(&st.db, &actor, org_id).await
}

/// The operator imports a catalog file (its JSON text, pasted or read from a file).
#[server]
pub async fn import_catalog(org_id: i32, catalog: String) -> Result<ImportReport, AppError> {
    let (st, actor) = request::actor().await?;
    service::import_as(&st.db, &actor, org_id, &catalog).await
}
