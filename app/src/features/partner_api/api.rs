//! The Partner API keys' server functions (creating one is a form post to the server, which
//! answers with the app's page that shows the secret once, outside any URL or cache).
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

/// What "Create API key" (a plain form) just made, or why it made none: the handler puts it in
/// the page's context, so the page that shows the secret once is the app's own page.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct NewPartnerKeyShown(pub Result<super::dto::NewPartnerKey, AppError>);

/// The key the form just made, for its page (`None` when the page is opened again: the secret
/// is shown only once).
#[server]
pub async fn shown_partner_key() -> Result<Option<super::dto::NewPartnerKey>, AppError> {
    request::no_store();
    use_context::<NewPartnerKeyShown>().map(|s| s.0).transpose()
}
