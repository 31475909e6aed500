//! Server functions: authenticate, call one service, map the error. Nothing else lives here.
use crate::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{request, services};

#[cfg(feature = "ssr")]
fn parse_role(raw: &str) -> Result<Role, AppError> {
    raw.parse()
        .map_err(|_| AppError::invalid("Choose a role: admin or member."))
}

/// The signed-in user and whom they may act as; `None` when signed out.
#[server]
pub async fn get_session() -> Result<Option<SessionDto>, AppError> {
    let st = request::state()?;
    match request::current_user(&st).await? {
        Some(user) => Ok(Some(
            services::auth::session_dto(&st.db, &st.config, &user).await?,
        )),
        None => Ok(None),
    }
}

/// "Sign in": e-mails a link when the address is known; the answer is the same either way.
#[server]
pub async fn request_sign_in(email: String) -> Result<String, AppError> {
    let st = request::state()?;
    let parts = request::parts()?;
    let client = request::client_ip(&parts, &st.config).unwrap_or_else(|| "unknown".into());
    services::auth::request_sign_in(&st.db, &st.config, &email, &client).await?;
    // A plain form post (no JavaScript) lands on the "Check your e-mail" state too.
    leptos_axum::redirect("/sign-in?sent=1");
    Ok(email.trim().to_lowercase())
}

/// What a sign-in or invitation link is for, without using it.
#[server]
pub async fn preview_link(token: String) -> Result<LinkPreview, AppError> {
    let st = request::state()?;
    services::auth::preview_link(&st.db, &token).await
}

/// The POST behind the confirmation page: uses the link once and starts a session.
#[server]
pub async fn confirm_sign_in(token: String) -> Result<(), AppError> {
    let st = request::state()?;
    let parts = request::parts()?;
    let session = services::auth::confirm_link(
        &st.db,
        &token,
        request::client_ip(&parts, &st.config),
        request::user_agent(&parts),
    )
    .await?;
    request::set_session_cookie(&st.config, &session.token);
    leptos_axum::redirect("/");
    Ok(())
}

/// Ends the session on the server and clears the cookie.
#[server]
pub async fn sign_out() -> Result<(), AppError> {
    let st = request::state()?;
    let parts = request::parts()?;
    if let Some(token) = request::session_cookie(&parts, &st.config) {
        services::auth::sign_out(&st.db, &token).await?;
    }
    request::clear_session_cookie(&st.config);
    leptos_axum::redirect("/sign-in");
    Ok(())
}

/// The dashboard of an organization the user acts as.
#[server]
pub async fn get_org_overview(org_id: i32) -> Result<OrgOverview, AppError> {
    let (st, actor) = request::actor().await?;
    services::orgs::overview(&st.db, &actor, org_id).await
}

/// The Users page.
#[server]
pub async fn list_members(org_id: i32) -> Result<MembersPage, AppError> {
    let (st, actor) = request::actor().await?;
    services::members::list_members(&st.db, &actor, org_id).await
}

/// An admin adds a user by e-mail ("Submit"), who gets an invitation.
#[server]
pub async fn invite_member(org_id: i32, email: String, role: String) -> Result<String, AppError> {
    let (st, actor) = request::actor().await?;
    let role = parse_role(&role)?;
    services::members::invite(&st.db, &st.config, &actor, org_id, &email, role).await?;
    Ok(email.trim().to_lowercase())
}

/// An admin changes a member's role.
#[server]
pub async fn change_role(org_id: i32, user_id: i32, role: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::members::change_role(&st.db, &actor, org_id, user_id, parse_role(&role)?).await
}

/// An admin removes a member.
#[server]
pub async fn remove_member(org_id: i32, user_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::members::remove_member(&st.db, &actor, org_id, user_id).await
}

/// The operator's list of partners and customers.
#[server]
pub async fn list_organizations(org_id: i32) -> Result<Vec<OrganizationDto>, AppError> {
    let (st, actor) = request::actor().await?;
    services::orgs::list_organizations(&st.db, &actor, org_id).await
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
    let input = services::orgs::NewOrganization {
        kind,
        name,
        business_id_scheme,
        business_id,
    };
    let id = services::orgs::create_organization(&st.db, &actor, org_id, input).await?;
    leptos_axum::redirect(&format!("/o/{org_id}/organizations/{id}"));
    Ok(id)
}

/// The operator's view of one organization.
#[server]
pub async fn get_organization_detail(org_id: i32, id: i32) -> Result<OrganizationDetail, AppError> {
    let (st, actor) = request::actor().await?;
    services::orgs::organization_detail(&st.db, &actor, org_id, id).await
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
    services::orgs::create_installation(
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
    services::orgs::set_contact_person(&st.db, &st.config, &actor, org_id, target_id, &email)
        .await?;
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
    services::orgs::set_organization_active(&st.db, &actor, org_id, target_id, active == "true")
        .await
}

/// The operator deactivates or reactivates an installation (`active` is "true" or "false").
#[server]
pub async fn set_installation_active(
    org_id: i32,
    installation: i32,
    active: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::orgs::set_installation_active(&st.db, &actor, org_id, installation, active == "true")
        .await
}

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
    services::legacy::add(
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
    services::legacy::remove(&st.db, &actor, org_id, grant_id).await
}

/// The partner's "Legacy access" page.
#[server]
pub async fn list_legacy_access(org_id: i32) -> Result<Vec<LegacyGrantDto>, AppError> {
    let (st, actor) = request::actor().await?;
    services::legacy::list(&st.db, &actor, org_id).await
}

/// The operator's catalog page.
#[server]
pub async fn list_catalog(org_id: i32) -> Result<Vec<ApiFunctionDto>, AppError> {
    let (st, actor) = request::actor().await?;
    services::catalog::list(&st.db, &actor, org_id).await
}

/// The operator imports a catalog file (its JSON text, pasted or read from a file).
#[server]
pub async fn import_catalog(org_id: i32, catalog: String) -> Result<ImportReport, AppError> {
    let (st, actor) = request::actor().await?;
    services::catalog::import_as(&st.db, &actor, org_id, &catalog).await
}

/// The partner's products, filtered by search text and status ("" for any).
#[server]
pub async fn list_products(
    org_id: i32,
    search: String,
    status: String,
) -> Result<Vec<ProductSummary>, AppError> {
    let (st, actor) = request::actor().await?;
    services::products::list_products(&st.db, &actor, org_id, &search, &status).await
}

/// "New product" → "Add"; the page moves to the new product.
#[server]
pub async fn create_product(
    org_id: i32,
    name: String,
    kind: String,
    description: String,
    support_email: Option<String>,
    support_url: Option<String>,
) -> Result<CreatedProduct, AppError> {
    let (st, actor) = request::actor().await?;
    let input = services::products::ProductInput {
        name,
        kind,
        description,
        support_email,
        support_url,
    };
    let created =
        services::products::create_product(&st.db, &st.config, &actor, org_id, input).await?;
    let warn = if created.warnings.is_empty() {
        ""
    } else {
        "?generic_name=1"
    };
    leptos_axum::redirect(&format!("/o/{org_id}/products/{}{warn}", created.id));
    Ok(created)
}

/// "Edit": saves the product's fields in place; returns advice about the name.
#[server]
pub async fn update_product(
    org_id: i32,
    product_id: i32,
    name: String,
    kind: String,
    description: String,
    support_email: Option<String>,
    support_url: Option<String>,
) -> Result<Vec<String>, AppError> {
    let (st, actor) = request::actor().await?;
    let input = services::products::ProductInput {
        name,
        kind,
        description,
        support_email,
        support_url,
    };
    let warnings =
        services::products::update_product(&st.db, &actor, org_id, product_id, input).await?;
    leptos_axum::redirect(&format!("/o/{org_id}/products/{product_id}"));
    Ok(warnings)
}

/// The product page.
#[server]
pub async fn get_product(org_id: i32, product_id: i32) -> Result<ProductDetail, AppError> {
    let (st, actor) = request::actor().await?;
    services::products::product_detail(&st.db, &st.config, &actor, org_id, product_id).await
}

/// "Access and security".
#[server]
pub async fn set_product_access(
    org_id: i32,
    product_id: i32,
    mode: String,
    installation_ids: Option<String>,
) -> Result<Vec<InstallationRef>, AppError> {
    let (st, actor) = request::actor().await?;
    let ids = installation_ids.unwrap_or_default();
    services::products::set_access(&st.db, &actor, org_id, product_id, &mode, &ids).await
}

/// Retires a product (partner admins).
#[server]
pub async fn retire_product(org_id: i32, product_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::products::retire_product(&st.db, &actor, org_id, product_id).await
}

/// The function picker's data.
#[server]
pub async fn get_picker(org_id: i32, product_id: i32) -> Result<PickerData, AppError> {
    let (st, actor) = request::actor().await?;
    services::versions::picker(&st.db, &st.config, &actor, org_id, product_id).await
}

/// "Save changes" in the picker: every change in one transaction.
#[server(input = leptos::server_fn::codec::Json)]
pub async fn save_functions(
    org_id: i32,
    product_id: i32,
    version: i32,
    changes: Vec<GrantChange>,
) -> Result<SaveReport, AppError> {
    let (st, actor) = request::actor().await?;
    services::versions::save_grants(
        &st.db, &st.config, &actor, org_id, product_id, version, changes,
    )
    .await
}

/// "New version": a draft copy of the newest version.
#[server]
pub async fn new_version(org_id: i32, product_id: i32) -> Result<i32, AppError> {
    let (st, actor) = request::actor().await?;
    let n = services::versions::new_version(&st.db, &actor, org_id, product_id).await?;
    leptos_axum::redirect(&format!("/o/{org_id}/products/{product_id}/functions"));
    Ok(n)
}

/// Discards the draft version.
#[server]
pub async fn discard_draft(org_id: i32, product_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::versions::discard_draft(&st.db, &actor, org_id, product_id).await
}

/// "Activate" the draft, with an optional note to customers.
#[server]
pub async fn activate_version(
    org_id: i32,
    product_id: i32,
    note: Option<String>,
) -> Result<i32, AppError> {
    let (st, actor) = request::actor().await?;
    services::versions::activate(&st.db, &actor, org_id, product_id, note).await
}

/// A customer's suppliers page for one installation ("" for the first).
#[server]
pub async fn get_suppliers(
    org_id: i32,
    installation: String,
    search: String,
    kind: String,
) -> Result<SuppliersPage, AppError> {
    let (st, actor) = request::actor().await?;
    services::suppliers::suppliers_page(&st.db, &actor, org_id, &installation, &search, &kind).await
}

/// A product card's side panel.
#[server]
pub async fn get_product_panel(
    org_id: i32,
    installation: String,
    product_id: i32,
) -> Result<ProductPanel, AppError> {
    let (st, actor) = request::actor().await?;
    services::suppliers::panel(&st.db, &actor, org_id, &installation, product_id).await
}

/// "Activate product" at the reviewed version.
#[server]
pub async fn activate_product(
    org_id: i32,
    installation: String,
    product_id: i32,
    version: i32,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::suppliers::activate(&st.db, &actor, org_id, &installation, product_id, version)
        .await?;
    leptos_axum::redirect(&format!(
        "/o/{org_id}/suppliers?installation={installation}&product={product_id}&done=activated"
    ));
    Ok(())
}

/// "Upgrade product" to the reviewed version.
#[server]
pub async fn upgrade_product(
    org_id: i32,
    installation: String,
    product_id: i32,
    version: i32,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::suppliers::upgrade(&st.db, &actor, org_id, &installation, product_id, version)
        .await?;
    leptos_axum::redirect(&format!(
        "/o/{org_id}/suppliers?installation={installation}&product={product_id}&done=upgraded"
    ));
    Ok(())
}

/// Deactivates a product on an installation (after confirmation).
#[server]
pub async fn deactivate_product(
    org_id: i32,
    installation: String,
    product_id: i32,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::suppliers::deactivate(&st.db, &actor, org_id, &installation, product_id).await?;
    leptos_axum::redirect(&format!(
        "/o/{org_id}/suppliers?installation={installation}&product={product_id}&done=deactivated"
    ));
    Ok(())
}

/// The user's notifications about an organization.
#[server]
pub async fn list_notifications(org_id: i32) -> Result<Vec<NotificationDto>, AppError> {
    let (st, actor) = request::actor().await?;
    services::notifications::list(&st.db, &actor, org_id).await
}

/// Marks one notification (or all, without `id`) as read.
#[server]
pub async fn mark_notifications_read(org_id: i32, id: Option<i32>) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::notifications::mark_read(&st.db, &actor, org_id, id).await
}

/// The product's client ID and access keys (never their secrets).
#[server]
pub async fn get_credentials(org_id: i32, product_id: i32) -> Result<CredentialsDto, AppError> {
    let (st, actor) = request::actor().await?;
    services::credentials::credentials(&st.db, &actor, org_id, product_id).await
}

/// Revokes an access key at once (partner admins).
#[server]
pub async fn revoke_access_key(org_id: i32, product_id: i32, key_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::credentials::revoke_key(&st.db, &actor, org_id, product_id, key_id).await
}

/// The "Create subscription" form's choices.
#[server]
pub async fn get_subscription_form(
    org_id: i32,
    product_id: i32,
) -> Result<SubscriptionFormData, AppError> {
    let (st, actor) = request::actor().await?;
    services::subscriptions::form(&st.db, &st.config, &actor, org_id, product_id).await
}

/// The partner's push subscriptions: of one product, or all (the "Webhooks" page), filtered by
/// URL or subscription ID.
#[server]
pub async fn list_subscriptions(
    org_id: i32,
    product_id: Option<i32>,
    filter: String,
) -> Result<Vec<SubscriptionDto>, AppError> {
    let (st, actor) = request::actor().await?;
    services::subscriptions::list(&st.db, &actor, org_id, product_id, &filter).await
}

#[cfg(feature = "ssr")]
fn subscription_input(
    url: String,
    event_types: Option<Vec<String>>,
    description: String,
) -> services::subscriptions::SubscriptionInput {
    services::subscriptions::SubscriptionInput {
        url,
        event_types: event_types.unwrap_or_default(),
        description,
    }
}

/// "Add": verifies the receiver, saves the subscription and opens its page (where the signing
/// secret is shown once). Checkboxes are named `event_types[0]`, `event_types[1]`, ...
#[server]
pub async fn create_subscription(
    org_id: i32,
    product_id: i32,
    url: String,
    event_types: Option<Vec<String>>,
    description: String,
) -> Result<String, AppError> {
    let (st, actor) = request::actor().await?;
    let input = subscription_input(url, event_types, description);
    let id = services::subscriptions::create(
        &st.db,
        &st.config,
        &st.push_client,
        &actor,
        org_id,
        product_id,
        input,
    )
    .await?;
    leptos_axum::redirect(&format!(
        "/o/{org_id}/products/{product_id}/subscriptions/{id}"
    ));
    Ok(id)
}

/// The subscription page with one page of its delivery log (`status`: all, pending,
/// succeeded, failed; `search`: an event or delivery ID; `before`/`after`: a delivery ID to
/// page from).
#[server]
pub async fn get_subscription(
    org_id: i32,
    subscription: String,
    status: String,
    search: String,
    before: String,
    after: String,
) -> Result<SubscriptionDetail, AppError> {
    let (st, actor) = request::actor().await?;
    let log = services::delivery_log::LogQuery {
        status,
        search,
        before,
        after,
    };
    services::subscriptions::detail(&st.db, &st.config, &actor, org_id, &subscription, &log).await
}

/// "Save changes" on a subscription (a changed URL is verified again).
#[server]
pub async fn update_subscription(
    org_id: i32,
    subscription: String,
    url: String,
    event_types: Option<Vec<String>>,
    description: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    let input = subscription_input(url, event_types, description);
    services::subscriptions::update(
        &st.db,
        &st.config,
        &st.push_client,
        &actor,
        org_id,
        &subscription,
        input,
    )
    .await
}

/// "Disable" / "Enable" (`enable` is "true" or "false").
#[server]
pub async fn set_subscription_enabled(
    org_id: i32,
    subscription: String,
    enable: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::subscriptions::set_enabled(&st.db, &actor, org_id, &subscription, enable == "true")
        .await
}

/// "Delete": the subscription and its delivery log; back to the product.
#[server]
pub async fn delete_subscription(
    org_id: i32,
    product_id: i32,
    subscription: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::subscriptions::delete(&st.db, &actor, org_id, &subscription).await?;
    leptos_axum::redirect(&format!(
        "/o/{org_id}/products/{product_id}?subscription_deleted=1"
    ));
    Ok(())
}

/// "Rotate secret": a new secret, shown once; the old one signs beside it for 24 hours.
#[server]
pub async fn rotate_subscription_secret(org_id: i32, subscription: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::subscriptions::rotate_secret(&st.db, &st.config, &actor, org_id, &subscription).await
}

/// "Send test event".
#[server]
pub async fn send_test_event(org_id: i32, subscription: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::deliveries::send_test(&st.db, &actor, org_id, &subscription).await?;
    st.push_wake.notify_one();
    Ok(())
}

/// "Redeliver" one delivery.
#[server]
pub async fn redeliver(
    org_id: i32,
    subscription: String,
    delivery: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::deliveries::redeliver(&st.db, &actor, org_id, &subscription, &delivery).await?;
    st.push_wake.notify_one();
    Ok(())
}

/// "Replay failed since" a date and time (`YYYY-MM-DDTHH:MM`, UTC, as a datetime-local input
/// sends it). Returns how many deliveries are sent again.
#[server]
pub async fn replay_failed(
    org_id: i32,
    subscription: String,
    since: String,
) -> Result<u64, AppError> {
    let (st, actor) = request::actor().await?;
    let since = chrono::NaiveDateTime::parse_from_str(since.trim(), "%Y-%m-%dT%H:%M")
        .map_err(|_| AppError::invalid("Enter a date and time, such as 2026-11-20 08:00."))?
        .and_utc();
    let n = services::deliveries::replay_failed_since(&st.db, &actor, org_id, &subscription, since)
        .await?;
    st.push_wake.notify_one();
    Ok(n)
}

/// "I have saved the secret": the subscription page stops showing it.
#[server]
pub async fn hide_subscription_secret(org_id: i32, subscription: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    services::subscriptions::hide_secret(&st.db, &actor, org_id, &subscription).await
}
