//! The products' server functions: authenticate, call one service, map the error.
use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::service::{credentials, products, sandbox, versions},
    crate::paths,
    crate::server::lookups::shared,
    crate::server::request,
};

/// The partner's products, filtered by search text and status ("" for any).
#[server]
pub async fn list_products(
    org_id: i32,
    search: String,
    status: String,
) -> Result<Vec<ProductSummary>, AppError> {
    let (st, actor) = request::actor().await?;
    products::list_products(&st.db, &actor, org_id, &search, &status).await
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
    let input = products::ProductInput::new(name, kind, description, support_email, support_url);
    let created = products::create_product(&st.db, &st.config, &actor, org_id, input).await?;
    let warn = if created.warnings.is_empty() {
        ""
    } else {
        "?generic_name=1"
    };
    leptos_axum::redirect(&format!("{}{warn}", paths::product(org_id, created.id)));
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
    let input = products::ProductInput::new(name, kind, description, support_email, support_url);
    let warnings = products::update_product(&st.db, &actor, org_id, product_id, input).await?;
    leptos_axum::redirect(&paths::product(org_id, product_id));
    Ok(warnings)
}

/// The product page.
#[server]
pub async fn get_product(org_id: i32, product_id: i32) -> Result<ProductDetail, AppError> {
    shared(format!("product {org_id} {product_id}"), || async move {
        let (st, actor) = request::actor().await?;
        super::service::detail::product_detail(&st.db, &st.config, &actor, org_id, product_id).await
    })
    .await
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
    super::service::access_rules::set_access(&st.db, &actor, org_id, product_id, &mode, &ids).await
}

/// Retires a product (partner admins).
#[server]
pub async fn retire_product(org_id: i32, product_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    products::retire_product(&st.db, &actor, org_id, product_id).await
}

/// The function picker's data.
#[server]
pub async fn get_picker(org_id: i32, product_id: i32) -> Result<PickerData, AppError> {
    shared(format!("picker {org_id} {product_id}"), || async move {
        let (st, actor) = request::actor().await?;
        super::service::grants::picker(&st.db, &st.config, &actor, org_id, product_id).await
    })
    .await
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
    super::service::grants::save_grants(
        &st.db, &st.config, &actor, org_id, product_id, version, changes,
    )
    .await
}

/// "New version": a draft copy of the newest version.
#[server]
pub async fn new_version(org_id: i32, product_id: i32) -> Result<i32, AppError> {
    let (st, actor) = request::actor().await?;
    let n = versions::new_version(&st.db, &actor, org_id, product_id).await?;
    leptos_axum::redirect(&paths::product_functions(org_id, product_id));
    Ok(n)
}

/// Discards the draft version.
#[server]
pub async fn discard_draft(org_id: i32, product_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    versions::discard_draft(&st.db, &actor, org_id, product_id).await
}

/// "Activate" the draft, with an optional note to customers.
#[server]
pub async fn activate_version(
    org_id: i32,
    product_id: i32,
    note: Option<String>,
) -> Result<i32, AppError> {
    let (st, actor) = request::actor().await?;
    versions::activate(&st.db, &actor, org_id, product_id, note).await
}

/// The product's client ID and access keys (never their secrets).
#[server]
pub async fn get_credentials(org_id: i32, product_id: i32) -> Result<CredentialsDto, AppError> {
    shared(
        format!("credentials {org_id} {product_id}"),
        || async move {
            let (st, actor) = request::actor().await?;
            credentials::credentials(&st.db, &actor, org_id, product_id).await
        },
    )
    .await
}

/// Revokes an access key at once (partner admins).
#[server]
pub async fn revoke_access_key(org_id: i32, product_id: i32, key_id: i32) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    credentials::revoke_key(&st.db, &actor, org_id, product_id, key_id).await
}

/// What "Create access key" (a plain form) just made, or why it made none: the handler puts it
/// in the page's context, so the page that shows the secret once is the app's own page.
#[cfg(feature = "ssr")]
#[derive(Clone)]
pub struct NewKeyShown(pub Result<super::dto::NewAccessKey, AppError>);

/// The key the form just made, for its page (`None` when the page is opened again: the secret
/// is shown only once).
#[server]
pub async fn shown_access_key() -> Result<Option<super::dto::NewAccessKey>, AppError> {
    crate::server::request::no_store();
    use_context::<NewKeyShown>().map(|s| s.0).transpose()
}

/// "Request activation in the partner sandbox"; returns the version asked for.
#[server]
pub async fn request_sandbox_activation(org_id: i32, product_id: i32) -> Result<i32, AppError> {
    let (st, actor) = request::actor().await?;
    let version = sandbox::request(&st.db, &st.config, &actor, org_id, product_id).await?;
    st.mail_wake.notify_one();
    Ok(version)
}
