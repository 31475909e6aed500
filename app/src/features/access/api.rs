//! The legacy grants' server functions (access decisions are asked over `/api/v1`).
use super::dto::LegacyGrantDto;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {super::service::legacy, crate::server::request};

/// The operator records a legacy grant of a partner (installation ID and function key).
#[server]
pub async fn add_legacy_grant(
    org_id: i32,
    partner_id: i32,
    installation_id: String,
    function: String,
    note: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    legacy::add(
        &st.db,
        &actor,
        org_id,
        partner_id,
        &installation_id,
        &function,
        &note,
    )
    .await
}

/// The operator removes a legacy grant.
#[server]
pub async fn remove_legacy_grant(org_id: i32, grant_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    legacy::remove(&st.db, &actor, org_id, grant_id).await
}

/// A partner's legacy grants, for the operator's organization page.
#[server]
pub async fn list_partner_legacy_grants(
    org_id: i32,
    partner_id: i32,
) -> Result<Vec<LegacyGrantDto>, AppError> {
    let (st, actor) = request::actor().await?;
    legacy::for_operator(&st.db, &actor, org_id, partner_id).await
}

/// The partner's "Legacy access" page.
#[server]
pub async fn list_legacy_access(org_id: i32) -> Result<Vec<LegacyGrantDto>, AppError> {
    let (st, actor) = request::actor().await?;
    legacy::list(&st.db, &actor, org_id).await
}
