//! The access requests' server functions.
use super::dto::{AccessQueuePage, AccessRequestPreview};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {super::dto::AccessRequestInput, super::service, crate::server::request};

/// "Send request" on the public page; the answer is the same whoever is already here. Without
/// JavaScript the page reloads in its "Check your e-mail" state.
#[server]
pub async fn request_access(
    kind: String,
    organization_name: String,
    business_id_scheme: Option<String>,
    business_id: Option<String>,
    contact_name: String,
    email: String,
    message: String,
) -> Result<(), AppError> {
    let st = request::state()?;
    let parts = request::parts()?;
    let client = request::client_ip(&parts, &st.config).unwrap_or_else(|| "unknown".into());
    let lang = crate::server::locale::of_request(&parts);
    let input = AccessRequestInput {
        kind,
        organization_name,
        business_id_scheme,
        business_id,
        contact_name,
        email,
        message,
    };
    service::submit(&st.db, &st.config, &input, &client, lang).await?;
    st.mail_wake.notify_one();
    leptos_axum::redirect("/request-access?sent=1");
    Ok(())
}

/// What a confirmation link is for, without confirming it.
#[server]
pub async fn preview_access_request(token: String) -> Result<AccessRequestPreview, AppError> {
    let st = request::state()?;
    service::preview(&st.db, &token).await
}

/// The confirmation page's button: the request joins the operator's queue.
#[server]
pub async fn confirm_access_request(token: String) -> Result<(), AppError> {
    let st = request::state()?;
    service::confirm(&st.db, &st.config, &token).await?;
    st.mail_wake.notify_one();
    leptos_axum::redirect("/request-access/confirm?done=1");
    Ok(())
}

/// A page of the operator's queue (`status` `new`, `approved` or `declined`).
#[server]
pub async fn list_access_requests(
    org_id: i32,
    status: String,
    cursor: String,
) -> Result<AccessQueuePage, AppError> {
    let (st, actor) = request::actor().await?;
    service::queue::list(&st.db, &actor, org_id, &status, &cursor).await
}

/// "Approve"; a request to join names the organization (`join_org`) and the role.
#[server]
pub async fn approve_access_request(
    org_id: i32,
    id: i32,
    join_org: Option<i32>,
    role: Option<String>,
) -> Result<(), AppError> {
    use crate::glossary::Role;
    let (st, actor) = request::actor().await?;
    let role = match role.as_deref().map(str::trim) {
        None | Some("") => Role::Member,
        Some(r) => r
            .parse()
            .map_err(|_| AppError::invalid(crate::t!(actor.lang, "invalid-role")))?,
    };
    let join = join_org.map(|organization_id| service::queue::JoinAs {
        organization_id,
        role,
    });
    service::queue::approve(&st.db, &st.config, &actor, org_id, id, join).await?;
    st.mail_wake.notify_one();
    Ok(())
}

/// "Decline", with a message to the requester.
#[server]
pub async fn decline_access_request(org_id: i32, id: i32, message: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    service::queue::decline(&st.db, &st.config, &actor, org_id, id, &message).await?;
    st.mail_wake.notify_one();
    Ok(())
}
