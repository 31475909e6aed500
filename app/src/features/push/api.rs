//! Push's server functions.
use super::dto::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::service::{delivery_log, manage, publish, subscriptions},
    crate::paths,
    crate::server::lookups::shared,
    crate::server::request,
};

/// The "Create subscription" form's choices.
#[server]
pub async fn get_subscription_form(
    org_id: i32,
    product_id: i32,
) -> Result<SubscriptionFormData, AppError> {
    let (st, actor) = request::actor().await?;
    subscriptions::form(&st.db, &st.config, &actor, org_id, product_id).await
}

/// The partner's push subscriptions: of one product, or all (the "Webhooks" page), filtered by
/// URL or subscription ID.
#[server]
pub async fn list_subscriptions(
    org_id: i32,
    product_id: Option<i32>,
    filter: String,
) -> Result<Vec<SubscriptionDto>, AppError> {
    shared(
        format!("subscriptions {org_id} {product_id:?} {filter:?}"),
        || async move {
            let (st, actor) = request::actor().await?;
            subscriptions::list(&st.db, &actor, org_id, product_id, &filter).await
        },
    )
    .await
}

#[cfg(feature = "ssr")]
fn subscription_input(
    url: String,
    event_types: Option<Vec<String>>,
    description: String,
) -> subscriptions::SubscriptionInput {
    subscriptions::SubscriptionInput {
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
    let id = subscriptions::create(
        &st.db,
        &st.config,
        &st.push_client,
        &actor,
        org_id,
        product_id,
        input,
    )
    .await?;
    leptos_axum::redirect(&paths::subscription(org_id, product_id, &id));
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
    // The answer may carry the signing secret.
    request::no_store();
    let log = delivery_log::LogQuery {
        status,
        search,
        before,
        after,
    };
    subscriptions::detail(&st.db, &st.config, &actor, org_id, &subscription, &log).await
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
    manage::update(
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
    manage::set_enabled(&st.db, &actor, org_id, &subscription, enable == "true").await
}

/// "Delete": the subscription and its delivery log; back to the product.
#[server]
pub async fn delete_subscription(
    org_id: i32,
    product_id: i32,
    subscription: String,
) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    manage::delete(&st.db, &actor, org_id, &subscription).await?;
    leptos_axum::redirect(&format!(
        "{}?subscription_deleted=1",
        paths::product(org_id, product_id)
    ));
    Ok(())
}

/// "Rotate secret": a new secret, shown once; the old one signs beside it for 24 hours.
#[server]
pub async fn rotate_subscription_secret(org_id: i32, subscription: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    manage::rotate_secret(&st.db, &st.config, &actor, org_id, &subscription).await
}

/// "Send test event".
#[server]
pub async fn send_test_event(org_id: i32, subscription: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    publish::send_test(&st.db, &actor, org_id, &subscription).await?;
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
    publish::redeliver(&st.db, &actor, org_id, &subscription, &delivery).await?;
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
        .map_err(|_| AppError::invalid(crate::t!(crate::i18n::lang(), "push-invalid-since")))?
        .and_utc();
    let n = publish::replay_failed_since(&st.db, &actor, org_id, &subscription, since).await?;
    st.push_wake.notify_one();
    Ok(n)
}

/// "I have saved the secret": the subscription page stops showing it.
#[server]
pub async fn hide_subscription_secret(org_id: i32, subscription: String) -> Result<(), AppError> {
    let (st, actor) = request::actor().await?;
    manage::hide_secret(&st.db, &actor, org_id, &subscription).await
}
