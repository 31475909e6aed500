//! The Partner API keys' server functions (creating one is a form post to the server, which
//! answers with a page that shows the secret once, outside any URL or cache).
use super::dto::PartnerKeysView;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {super::service::keys, crate::server::lookups::shared, crate::server::request};

/// The "API keys" page.
#[server]
pub async fn get_partner_keys(org_id: i32) -> Result<PartnerKeysView, AppError> {
    shared(format!("partner keys {org_id}"), || async move {
        let (st, actor) = request::actor().await?;
        keys::list(&st.db, &actor, org_id).await
    })
    .await
}

/// Revokes an API key at once (partner admins).
#[server]
pub async fn revoke_partner_key(org_id: i32, key_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    keys::revoke(&st.db, &actor, org_id, key_id).await
}
