//! The accounts' server functions: authenticate, call one service, map the error.
use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::service::{auth, installations, members, orgs, profile},
    crate::paths,
    crate::server::lookups::shared,
    crate::server::request,
};

#[cfg(feature = "ssr")]
fn parse_role(raw: &str) -> Result<Role, AppError> {
    raw.parse()
        .map_err(|_| AppError::invalid(crate::t!(crate::i18n::lang(), "invalid-role")))
}

/// The signed-in user and whom they may act as; `None` when signed out.
#[server]
pub async fn get_session() -> Result<Option<SessionDto>, AppError> {
    let st = request::state()?;
    match request::current_user(&st).await? {
        Some(user) => Ok(Some(auth::session_dto(&st.db, &st.config, &user).await?)),
        None => Ok(None),
    }
}

/// "Sign in": e-mails a link when the address is known; the answer is the same either way.
#[server]
pub async fn request_sign_in(email: String, next: Option<String>) -> Result<String, AppError> {
    let st = request::state()?;
    let parts = request::parts()?;
    let client = request::client_ip(&parts, &st.config).unwrap_or_else(|| "unknown".into());
    let lang = crate::server::locale::of_request(&parts);
    auth::request_sign_in_then(&st.db, &st.config, &email, &client, lang, next.as_deref()).await?;
    st.mail_wake.notify_one();
    // A plain form post (no JavaScript) lands on the "Check your e-mail" state too.
    leptos_axum::redirect("/sign-in?sent=1");
    Ok(email.trim().to_lowercase())
}

/// What a sign-in or invitation link is for, without using it.
#[server]
pub async fn preview_link(token: String) -> Result<LinkPreview, AppError> {
    let st = request::state()?;
    auth::preview_link(&st.db, &token).await
}

/// The POST behind the confirmation page: uses the link once, starts a session and goes on to
/// `next` (a path on this site) or the start page.
#[server]
pub async fn confirm_sign_in(token: String, next: Option<String>) -> Result<(), AppError> {
    let st = request::state()?;
    let parts = request::parts()?;
    let session = auth::confirm_link(
        &st.db,
        &token,
        request::client_ip(&parts, &st.config),
        request::user_agent(&parts),
    )
    .await?;
    request::set_session_cookie(&st.config, &session.token);
    // The user's own language from now on, in this browser too.
    let lang = crate::features::accounts::service::language::on_sign_in(
        &st.db,
        &session.user,
        crate::server::locale::of_request(&parts),
    )
    .await?;
    request::set_cookie(crate::server::locale::cookie_header(&st.config, lang));
    // Where the link was asked from (an e-mailed deep link), if it is a page of this site.
    leptos_axum::redirect(next.as_deref().and_then(paths::continue_at).unwrap_or("/"));
    Ok(())
}

/// Ends the session on the server and clears the cookie.
#[server]
pub async fn sign_out() -> Result<(), AppError> {
    let st = request::state()?;
    let parts = request::parts()?;
    if let Some(token) = request::session_cookie(&parts, &st.config) {
        crate::server::session::end(&st.db, &token).await?;
    }
    request::clear_session_cookie(&st.config);
    leptos_axum::redirect("/sign-in");
    Ok(())
}

/// "Sign out everywhere": ends every session of the signed-in user, this one included.
#[server]
pub async fn sign_out_everywhere() -> Result<u64, AppError> {
    let (st, actor) = request::actor().await?;
    let user_id = actor.user_id.ok_or(AppError::NotSignedIn)?;
    let ended = crate::server::session::end_all(&st.db, user_id).await?;
    crate::server::audit::record(
        &st.db,
        &actor,
        None,
        "user.signed_out_everywhere",
        &actor.label,
        "",
    )
    .await?;
    request::clear_session_cookie(&st.config);
    leptos_axum::redirect("/sign-in");
    Ok(ended)
}

/// The signed-in user's profile page.
#[server]
pub async fn get_profile() -> Result<ProfileDto, AppError> {
    let (st, actor) = request::actor().await?;
    let current = request::session_cookie(&request::parts()?, &st.config);
    profile::profile(&st.db, &actor, current.as_deref()).await
}

/// "Save" on the profile's name; returns the name as saved.
#[server]
pub async fn save_profile_name(name: String) -> Result<String, AppError> {
    let (st, actor) = request::actor().await?;
    profile::rename(&st.db, &actor, &name).await
}

/// "Sign out" on one browser listed on the profile (the user's own sessions only).
#[server]
pub async fn sign_out_session(session_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    profile::end_session(&st.db, &actor, session_id).await
}

/// The dashboard of an organization the user acts as.
#[server]
pub async fn get_org_overview(org_id: i32) -> Result<OrgOverview, AppError> {
    shared(format!("org_overview {org_id}"), || async move {
        let (st, actor) = request::actor().await?;
        orgs::overview(&st.db, &actor, org_id).await
    })
    .await
}

/// The Users page.
#[server]
pub async fn list_members(org_id: i32) -> Result<MembersPage, AppError> {
    let (st, actor) = request::actor().await?;
    members::list_members(&st.db, &actor, org_id).await
}

/// An admin adds a user by e-mail ("Submit"), who gets an invitation.
#[server]
pub async fn invite_member(org_id: i32, email: String, role: String) -> Result<String, AppError> {
    let (st, actor) = request::actor().await?;
    let role = parse_role(&role)?;
    members::invite(&st.db, &st.config, &actor, org_id, &email, role).await?;
    st.mail_wake.notify_one();
    Ok(email.trim().to_lowercase())
}

/// An admin changes a member's role.
#[server]
pub async fn change_role(org_id: i32, user_id: i32, role: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    members::change_role(&st.db, &actor, org_id, user_id, parse_role(&role)?).await
}

/// An admin removes a member.
#[server]
pub async fn remove_member(org_id: i32, user_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    members::remove_member(&st.db, &actor, org_id, user_id).await
}

/// The operator's list of partners and customers.
#[server]
pub async fn list_organizations(org_id: i32) -> Result<Vec<OrganizationDto>, AppError> {
    let (st, actor) = request::actor().await?;
    orgs::list_organizations(&st.db, &actor, org_id).await
}

/// The operator creates a partner or customer; the page moves to it.
#[server]
pub async fn create_organization(
    org_id: i32,
    kind: String,
    name: String,
    business_id_scheme: Option<String>,
    business_id: Option<String>,
) -> Result<i32, AppError> {
    let (st, actor) = request::actor().await?;
    let input = orgs::NewOrganization {
        kind,
        name,
        business_id_scheme,
        business_id,
    };
    let id = orgs::create_organization(&st.db, &actor, org_id, input).await?;
    leptos_axum::redirect(&paths::organization(org_id, id));
    Ok(id)
}

/// The operator's view of one organization.
#[server]
pub async fn get_organization_detail(org_id: i32, id: i32) -> Result<OrganizationDetail, AppError> {
    let (st, actor) = request::actor().await?;
    orgs::organization_detail(&st.db, &actor, org_id, id).await
}

/// The operator adds an installation to a customer. `is_sandbox` is a checkbox (present = on).
#[server]
pub async fn create_installation(
    org_id: i32,
    customer_id: i32,
    installation_id: String,
    name: String,
    is_sandbox: Option<String>,
) -> Result<InstallationDto, AppError> {
    let (st, actor) = request::actor().await?;
    installations::create_installation(
        &st.db,
        &actor,
        org_id,
        customer_id,
        &installation_id,
        &name,
        is_sandbox.is_some(),
    )
    .await
}

/// The operator names an organization's contact person, who is invited as admin.
#[server]
pub async fn set_contact_person(
    org_id: i32,
    target_id: i32,
    email: String,
) -> Result<String, AppError> {
    let (st, actor) = request::actor().await?;
    orgs::set_contact_person(&st.db, &st.config, &actor, org_id, target_id, &email).await?;
    st.mail_wake.notify_one();
    Ok(email.trim().to_lowercase())
}

/// The operator deactivates or reactivates an organization (`active` is "true" or "false").
#[server]
pub async fn set_organization_active(
    org_id: i32,
    target_id: i32,
    active: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    orgs::set_organization_active(&st.db, &actor, org_id, target_id, active == "true").await
}

/// The operator deactivates or reactivates an installation (`active` is "true" or "false").
#[server]
pub async fn set_installation_active(
    org_id: i32,
    installation: i32,
    active: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    installations::set_installation_active(&st.db, &actor, org_id, installation, active == "true")
        .await
}
