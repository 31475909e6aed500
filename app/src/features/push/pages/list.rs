//! Lists of push subscriptions: the product page's section and the "Webhooks" page.
use crate::components::{
    loaded, org_param, DataTable, EmptyState, PageHeader, StatusBadge, Success,
};
use crate::features::push::api::list_subscriptions;
use crate::features::push::dto::SubscriptionDto;
use crate::glossary::SubscriptionStatus;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_query_map;

pub(super) fn status_badge(s: &SubscriptionDto) -> impl IntoView {
    let status = if s.enabled {
        SubscriptionStatus::Enabled
    } else {
        SubscriptionStatus::Disabled
    };
    view! { <StatusBadge status=status/> }
}

/// The subscriptions of a list, or what to do when there are none.
#[component]
fn SubscriptionsTable(
    org: i32,
    subs: Vec<SubscriptionDto>,
    #[prop(optional)] with_product: bool,
    #[prop(into)] empty: String,
) -> impl IntoView {
    if subs.is_empty() {
        return view! { <EmptyState text=empty/> }.into_any();
    }
    let mut headers = vec![
        tr!("push-receiver-url"),
        tr!("push-event-types"),
        tr!("push-subscription-id"),
        tr!("status"),
    ];
    if with_product {
        headers.insert(0, tr!("product-nav"));
    }
    view! {
        <DataTable label=tr!("push-subscriptions") headers=headers>
                {subs.into_iter().map(|s| {
                    let href = paths::subscription(org, s.product_id, &s.id);
                    view! {
                        <tr>
                            {with_product.then(|| view! { <td>{s.product_name.clone()}</td> })}
                            <td><a href=href>{s.url.clone()}</a>
                                {(!s.description.is_empty()).then(|| view! { <br/><span class="muted">{s.description.clone()}</span> })}</td>
                            <td>{s.event_types.join(", ")}</td>
                            <td><code>{s.id.clone()}</code></td>
                            <td>{status_badge(&s)}
                                {s.failing_since.clone().filter(|_| s.enabled).map(|t| view! { <br/><span class="form-error">{tr!("push-failing-since")}" "{t.date_time(lang())}</span> })}</td>
                        </tr>
                    }
                }).collect_view()}
        </DataTable>
    }
    .into_any()
}

/// The "Push subscriptions" section of the product page (which the app plugs into the products
/// feature's page as a section).
#[component]
pub fn ProductSubscriptions(org: i32, product_id: i32) -> impl IntoView {
    let query = use_query_map();
    let deleted = move || query.read().get("subscription_deleted").is_some();
    let subs = Resource::new(
        move || (org, product_id),
        |(o, p)| list_subscriptions(o, Some(p), String::new()),
    );
    view! {
        <Show when=deleted><Success text=tr!("push-deleted")/></Show>
        <Transition>
            {move || Suspend::new(async move {
                // A refusal is the product page's to show.
                subs.await.ok().map(|subs| view! {
                    <section aria-labelledby="push-title">
                        <h2 id="push-title">{tr!("push-subscriptions")}</h2>
                        <SubscriptionsTable org=org subs=subs
                            empty=tr!("push-none-product")/>
                        <p><a class="button secondary" href=format!("{}/subscriptions/new", paths::product(org, product_id))>{tr!("picker-create-subscription")}</a></p>
                    </section>
                })
            })}
        </Transition>
    }
}

/// `/o/:org/webhooks`: every subscription of the partner, filtered by URL or ID (`?q=`).
#[component]
pub fn WebhooksPage() -> impl IntoView {
    let org = org_param();
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let list = Resource::new(
        move || (org.get(), q.get()),
        |(o, q)| list_subscriptions(o, None, q),
    );
    view! {
        <PageHeader title=tr!("nav-webhooks")/>
        <form method="get" class="search-form" role="search">
            <label for="webhooks-q">{tr!("push-filter-label")}</label>
            <input id="webhooks-q" name="q" type="search" value=move || q.get()/>
            <button type="submit" class="secondary">{tr!("filter")}</button>
        </form>
        {loaded(list, move |subs: Vec<SubscriptionDto>| {
            let empty = if q.get().is_empty() {
                {tr!("push-none")}
            } else {
                {tr!("push-none-match")}
            };
            view! { <SubscriptionsTable org=org.get() subs=subs with_product=true empty=empty/> }
        })}
    }
}
