//! The notifications' server functions.
use super::dto::NotificationDto;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {super::service, crate::server::lookups::shared, crate::server::request};

/// The user's notifications about an organization.
#[server]
pub async fn list_notifications(org_id: i32) -> Result<Vec<NotificationDto>, AppError> {
    // Once per page render (the dashboard's "Needs your attention" renders twice on the server).
    shared(format!("notifications {org_id}"), || async move {
        let (st, actor) = request::actor().await?;
        service::list(&st.db, &actor, org_id).await
    })
    .await
}

/// Marks one notification (or all, without `id`) as read.
#[server]
pub async fn mark_notifications_read(org_id: i32, id: Option<i32>) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    service::mark_read(&st.db, &actor, org_id, id).await
}
