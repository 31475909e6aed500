//! The audit log's server functions.
use super::dto::{AuditPage, AuditQuery};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::request;

/// A page of the audit log of `org_id`, for its admins.
#[server]
pub async fn list_audit_log(org_id: i32, query: AuditQuery) -> Result<AuditPage, AppError> {
    let (st, actor) = request::actor().await?;
    super::service::list(&st.db, &actor, org_id, &query).await
}
