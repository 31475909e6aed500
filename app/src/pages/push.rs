//! Push subscriptions: the product's list, "Create subscription", the subscription page with
//! its delivery log, and the "Webhooks" page across all of the partner's products.
use crate::api::{
    get_subscription, get_subscription_form, list_subscriptions, CreateSubscription,
    DeleteSubscription, HideSubscriptionSecret, Redeliver, ReplayFailed, RotateSubscriptionSecret,
    SendTestEvent, SetSubscriptionEnabled, UpdateSubscription,
};
use crate::components::{org_param, query_string, Badge, ErrorView, FormResult};
use crate::dto::{DeliveryLog, SubscriptionDetail, SubscriptionDto, SubscriptionFormData};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn sub_param() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("sid").unwrap_or_default())
}

fn product_param() -> Memo<i32> {
    crate::components::id_param("id")
}

/// What is wrong with a receiver URL as typed, checked in the browser while typing (the server
/// checks again, including every address the host resolves to).
fn url_hint(raw: &str, https_only: bool) -> Option<&'static str> {
    let u = raw.trim().to_ascii_lowercase();
    if u.is_empty() {
        return None;
    }
    let rest = match u.strip_prefix("https://") {
        Some(r) => r,
        None if u.starts_with("http://") && !https_only => &u[7..],
        None if u.starts_with("http://") => return Some("The receiver must use https."),
        None if "https://".starts_with(&u) => return None,
        None => return Some("Start with https:// and the receiver's host."),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return Some("Add the receiver's host, such as example.com.");
    }
    if host.contains('@') {
        return Some("Leave the user name and password out of the URL.");
    }
    let name = host.rsplit_once(':').map_or(host, |(h, _)| h);
    if name == "localhost" || name.ends_with(".localhost") || name.starts_with("127.") {
        return Some("Portico does not send to loopback or internal addresses.");
    }
    None
}

fn status_badge(s: &SubscriptionDto) -> impl IntoView {
    if s.enabled {
        view! { <Badge text="Enabled" tone="customer"/> }.into_any()
    } else {
        view! { <Badge text="Disabled" tone="operator"/> }.into_any()
    }
}

/// The subscriptions of a list, or what to do when there are none.
#[component]
fn SubscriptionsTable(
    org: i32,
    subs: Vec<SubscriptionDto>,
    #[prop(optional)] with_product: bool,
    empty: &'static str,
) -> impl IntoView {
    if subs.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <table aria-label="Push subscriptions">
            <thead><tr>
                {with_product.then(|| view! { <th scope="col">"Product"</th> })}
                <th scope="col">"Receiver URL"</th><th scope="col">"Event types"</th>
                <th scope="col">"Subscription ID"</th><th scope="col">"Status"</th>
            </tr></thead>
            <tbody>
                {subs.into_iter().map(|s| {
                    let href = format!("/o/{org}/products/{}/subscriptions/{}", s.product_id, s.id);
                    view! {
                        <tr>
                            {with_product.then(|| view! { <td>{s.product_name.clone()}</td> })}
                            <td><a href=href>{s.url.clone()}</a>
                                {(!s.description.is_empty()).then(|| view! { <br/><span class="muted">{s.description.clone()}</span> })}</td>
                            <td>{s.event_types.join(", ")}</td>
                            <td><code>{s.id.clone()}</code></td>
                            <td>{status_badge(&s)}
                                {s.failing_since.clone().filter(|_| s.enabled).map(|t| view! { <br/><span class="form-error">"Failing since "{t}</span> })}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// The "Push subscriptions" section of the product page.
#[component]
pub fn ProductSubscriptions(
    org: i32,
    product_id: i32,
    subs: Result<Vec<SubscriptionDto>, AppError>,
) -> impl IntoView {
    let subs = match subs {
        Ok(s) => s,
        Err(e) => return view! { <ErrorView error=e/> }.into_any(),
    };
    view! {
        <section aria-labelledby="push-title">
            <h2 id="push-title">"Push subscriptions"</h2>
            <SubscriptionsTable org=org subs=subs
                empty="No push subscriptions yet. Require a push-capable function, then create a subscription to have events sent to your receiver."/>
            <p><a class="button secondary" href=format!("/o/{org}/products/{product_id}/subscriptions/new")>"Create subscription"</a></p>
        </section>
    }
    .into_any()
}

/// The event type checkboxes, grouped by function; `only` limits them to one function.
#[component]
fn EventTypeChoices(
    form: SubscriptionFormData,
    chosen: Vec<String>,
    /// Only this function's event types (the picker's "Create subscription").
    only: Option<String>,
) -> impl IntoView {
    let mut index = 0;
    let groups = form
        .functions
        .into_iter()
        .filter(|f| only.as_ref().is_none_or(|o| *o == f.function))
        .map(|f| {
            let boxes = f
                .event_types
                .iter()
                .map(|t| {
                    let (id, name) = (format!("event-type-{index}"), format!("event_types[{index}]"));
                    index += 1;
                    let checked = chosen.contains(t);
                    view! {
                        <div class="field checkbox">
                            <input id=id.clone() type="checkbox" name=name value=t.clone() checked=checked/>
                            <label for=id>{t.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset>
                    <legend>{f.name.clone()}" "<code>{f.function.clone()}</code></legend>
                    {boxes}
                </fieldset>
            }
        })
        .collect_view();
    view! { <div class="event-types">{groups}</div> }
}

/// The receiver URL field, validated as the partner types.
#[component]
fn UrlField(value: String, https_only: bool) -> impl IntoView {
    let typed = RwSignal::new(value.clone());
    let hint = move || url_hint(&typed.get(), https_only);
    view! {
        <div class="field">
            <label for="sub-url">"Receiver URL"</label>
            <input id="sub-url" name="url" type="url" inputmode="url" autocomplete="off" required
                placeholder="https://example.com/portico/events" value=value
                on:input=move |ev| typed.set(event_target_value(&ev))
                aria-describedby="sub-url-hint"/>
            <p id="sub-url-hint" class="field-hint" role="status">
                {move || hint().map_or_else(
                    || "Portico sends a signed verification event to it; the receiver must answer 2xx within 10 seconds.".to_string(),
                    |h| h.to_string(),
                )}
            </p>
        </div>
    }
}

/// `/o/:org/products/:id/subscriptions/new` (`?function=` limits the event types to one
/// function, as the picker's "Create subscription" does).
#[component]
pub fn NewSubscriptionPage() -> impl IntoView {
    let org = org_param();
    let product = product_param();
    let query = use_query_map();
    let create = ServerAction::<CreateSubscription>::new();
    let form = Resource::new(
        move || (org.get(), product.get()),
        |(o, p)| get_subscription_form(o, p),
    );
    view! {
        <Title text="Create subscription"/>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let f = match form.await {
                    Ok(f) => f,
                    Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                };
                let (org, pid) = (org.get(), f.product_id);
                let only = query.read().get("function").filter(|k| f.functions.iter().any(|x| x.function == *k));
                let back = format!("/o/{org}/products/{pid}");
                if f.functions.is_empty() {
                    return view! {
                        <p><a href=back>"← "{f.product_name.clone()}</a></p>
                        <h1>"Create subscription"</h1>
                        <p class="empty">"This product requires no push-capable function. Open \"Change functions\" and require one (functions that support push list their event types)."</p>
                    }.into_any();
                }
                view! {
                    <p><a href=back>"← "{f.product_name.clone()}</a></p>
                    <header class="page-header"><h1>"Create subscription"</h1></header>
                    <ActionForm action=create attr:class="card form-card">
                        <input type="hidden" name="org_id" value=org/>
                        <input type="hidden" name="product_id" value=pid/>
                        <UrlField value=String::new() https_only=f.https_only/>
                        <EventTypeChoices form=f.clone() chosen=Vec::new() only=only/>
                        <div class="field">
                            <label for="sub-description">"Description"</label>
                            <input id="sub-description" name="description" type="text" maxlength="200" autocomplete="off"/>
                        </div>
                        <FormResult value=create.value()/>
                        <button type="submit" class="primary">"Add"</button>
                    </ActionForm>
                }.into_any()
            })}
        </Transition>
    }
}

/// `/o/:org/products/:id/subscriptions/:sid`: the subscription, its actions and its log.
#[component]
pub fn SubscriptionPage() -> impl IntoView {
    let org = org_param();
    let sid = sub_param();
    let query = use_query_map();
    let param =
        move |name: &'static str| Memo::new(move |_| query.read().get(name).unwrap_or_default());
    // The log's status filter, search, and page cursors.
    let log = [param("status"), param("q"), param("before"), param("after")];
    let actions = SubActions {
        update: ServerAction::new(),
        enable: ServerAction::new(),
        delete: ServerAction::new(),
        rotate: ServerAction::new(),
        test: ServerAction::new(),
        redeliver: ServerAction::new(),
        replay: ServerAction::new(),
        hide: ServerAction::new(),
    };
    let detail = Resource::new(
        move || {
            (
                org.get(),
                sid.get(),
                log.map(|m| m.get()),
                actions.versions(),
            )
        },
        |(o, s, [status, search, before, after], _)| {
            get_subscription(o, s, status, search, before, after)
        },
    );
    view! {
        <Title text="Push subscription"/>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <SubscriptionView d=d org=org.get() actions=actions/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[derive(Clone, Copy)]
struct SubActions {
    update: ServerAction<UpdateSubscription>,
    enable: ServerAction<SetSubscriptionEnabled>,
    delete: ServerAction<DeleteSubscription>,
    rotate: ServerAction<RotateSubscriptionSecret>,
    test: ServerAction<SendTestEvent>,
    redeliver: ServerAction<Redeliver>,
    replay: ServerAction<ReplayFailed>,
    hide: ServerAction<HideSubscriptionSecret>,
}

impl SubActions {
    fn versions(&self) -> [usize; 8] {
        [
            self.hide.version().get(),
            self.update.version().get(),
            self.enable.version().get(),
            self.delete.version().get(),
            self.rotate.version().get(),
            self.test.version().get(),
            self.redeliver.version().get(),
            self.replay.version().get(),
        ]
    }
}

#[component]
fn SubscriptionView(d: SubscriptionDetail, org: i32, actions: SubActions) -> impl IntoView {
    let s = d.subscription.clone();
    let can = d.form.can_manage;
    let base = format!("/o/{org}/products/{}", s.product_id);
    let me = format!("{base}/subscriptions/{}", s.id);
    let hidden = move |sid: String| {
        view! {
            <input type="hidden" name="org_id" value=org/>
            <input type="hidden" name="subscription" value=sid/>
        }
    };
    // ActionForm children are moved into closures: one pair of hidden fields per form.
    let [h_test, h_enable, h_rotate, h_delete, h_update, h_replay, h_hide] =
        std::array::from_fn(|_| hidden(s.id.clone()));
    let (url, types, product_id, enabled) = (
        s.url.clone(),
        s.event_types.clone(),
        s.product_id,
        s.enabled,
    );
    let (form, description) = (d.form.clone(), s.description.clone());
    let log = d.log.clone();
    let filter_links = ["all", "pending", "succeeded", "failed"].map(|f| {
        let current = (log.status == f).then_some("page");
        let href = format!("{me}{}", query_string(&[("status", f), ("q", &log.search)]));
        view! { <a href=href aria-current=current>{f}</a>" " }
    });
    view! {
        <p><a href=base.clone()>"← "{s.product_name.clone()}</a></p>
        <header class="page-header">
            <h1>"Push subscription"</h1>
            <p><code>{s.id.clone()}</code>" "{status_badge(&s)}</p>
        </header>
        {d.secret_once.clone().map(|secret| view! {
            <div class="notice warn" role="alert">
                <strong>"Copy the signing secret now."</strong>" It is shown until you confirm you saved it, for 15 minutes at most. Your receiver checks the "
                <code>"webhook-signature"</code>" header with it (Standard Webhooks)."
                <div class="copy-row">
                    <input id="signing-secret" type="text" readonly class="copy-link" value=secret aria-label="Signing secret"/>
                    <button type="button" class="secondary copy-button" data-copy="signing-secret" aria-label="Copy signing secret">"Copy"</button>
                </div>
                <ActionForm action=actions.hide attr:class="inline">{h_hide}
                    <button type="submit" class="primary">"I have saved the secret"</button>
                </ActionForm>
            </div>
        })}
        {s.disabled_reason.clone().map(|r| view! { <p class="notice warn" role="status">"Disabled: "{r}</p> })}
        <dl class="facts">
            <dt>"Receiver URL"</dt><dd>{s.url.clone()}</dd>
            <dt>"Event types"</dt><dd>{s.event_types.join(", ")}</dd>
            <dt>"Description"</dt><dd>{if s.description.is_empty() { "—".to_string() } else { s.description.clone() }}</dd>
            <dt>"Created"</dt><dd>{s.created_at.clone()}</dd>
            {s.failing_since.clone().map(|t| view! { <dt>"Failing since"</dt><dd>{t}</dd> })}
            {s.previous_secret_until.clone().map(|t| view! { <dt>"Old secret signs until"</dt><dd>{t}</dd> })}
        </dl>
        <FormResult value=actions.test.value() success=|_| "Test event queued; it shows in the log below.".to_string()/>
        <FormResult value=actions.enable.value()/>
        <FormResult value=actions.rotate.value() success=|_| "New secret created.".to_string()/>
        <FormResult value=actions.delete.value()/>
        {can.then(move || view! {
            <div class="actions">
                <ActionForm action=actions.test attr:class="inline">{h_test}
                    <button type="submit" class="primary">"Send test event"</button></ActionForm>
                <ActionForm action=actions.enable attr:class="inline">{h_enable}
                    <input type="hidden" name="enable" value=(!enabled).to_string()/>
                    <button type="submit" class="secondary">{if enabled { "Disable" } else { "Enable" }}</button></ActionForm>
                <ActionForm action=actions.rotate attr:class="inline">{h_rotate}
                    <button type="submit" class="secondary">"Rotate secret"</button></ActionForm>
                <ActionForm action=actions.delete attr:class="inline">{h_delete}
                    <input type="hidden" name="product_id" value=product_id/>
                    <button type="submit" class="danger">"Delete"</button></ActionForm>
            </div>
            <details class="card">
                <summary>"Edit"</summary>
                <ActionForm action=actions.update attr:class="form-card">{h_update}
                    <UrlField value=url.clone() https_only=form.https_only/>
                    <EventTypeChoices form=form.clone() chosen=types.clone() only=None/>
                    <div class="field">
                        <label for="sub-description">"Description"</label>
                        <input id="sub-description" name="description" type="text" maxlength="200" value=description.clone()/>
                    </div>
                    <FormResult value=actions.update.value() success=|_| "Saved.".to_string()/>
                    <button type="submit" class="primary">"Save changes"</button>
                </ActionForm>
            </details>
        })}
        <section aria-labelledby="log-title">
            <h2 id="log-title">"Delivery log"</h2>
            <nav class="filters" aria-label="Filter by status">"Show: "{filter_links}</nav>
            <form method="get" class="search-form" role="search" action=me.clone()>
                <input type="hidden" name="status" value=log.status.clone()/>
                <label for="log-q">"Find an event or delivery ID"</label>
                <input id="log-q" name="q" type="search" value=log.search.clone() placeholder="evt_… or msg_…"/>
                <button type="submit" class="secondary">"Find"</button>
            </form>
            <FormResult value=actions.redeliver.value() success=|_| "Sent again.".to_string()/>
            <DeliveryLog log=log.clone() org=org sid=s.id.clone() can=can redeliver=actions.redeliver/>
            <LogPager log=log me=me.clone()/>
            {can.then(move || view! {
                <ActionForm action=actions.replay attr:class="card form-card">{h_replay}
                    <div class="field">
                        <label for="replay-since">"Replay failed deliveries since (UTC)"</label>
                        <input id="replay-since" name="since" type="datetime-local"/>
                    </div>
                    <FormResult value=actions.replay.value() success=|n: u64| format!("{n} failed deliveries are sent again.")/>
                    <button type="submit" class="secondary">"Replay failed"</button>
                </ActionForm>
            })}
        </section>
    }
}

/// "Newer", "Newest" and "Older" links of the delivery log, keeping its filter and search.
#[component]
fn LogPager(log: DeliveryLog, me: String) -> impl IntoView {
    let link = |cursor: (&'static str, &str)| {
        format!(
            "{me}{}",
            query_string(&[("status", &log.status), ("q", &log.search), cursor])
        )
    };
    let newer = log.newer.as_deref().map(|n| link(("after", n)));
    let newest = newer.as_ref().map(|_| link(("after", "")));
    let older = log.older.as_deref().map(|o| link(("before", o)));
    (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label="Delivery log pages">
                {newest.map(|h| view! { <a href=h>"Newest"</a>" " })}
                {newer.map(|h| view! { <a href=h>"← Newer"</a>" " })}
                {older.map(|h| view! { <a href=h>"Older →"</a> })}
            </nav>
        }
    })
}

#[component]
fn DeliveryLog(
    log: DeliveryLog,
    org: i32,
    sid: String,
    can: bool,
    redeliver: ServerAction<Redeliver>,
) -> impl IntoView {
    let deliveries = log.deliveries;
    if deliveries.is_empty() {
        let empty = match (log.search.is_empty(), log.status.as_str()) {
            (false, "all") => {
                "No delivery of this subscription has that event or delivery ID.".to_string()
            }
            (false, st) => {
                format!("No {st} delivery of this subscription has that event or delivery ID.")
            }
            (true, "all") => {
                "No deliveries here yet. Use \"Send test event\" to try the receiver.".to_string()
            }
            (true, st) => format!("No {st} deliveries."),
        };
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <table aria-label="Deliveries">
            <thead><tr>
                <th scope="col">"Created"</th><th scope="col">"Event"</th><th scope="col">"Status"</th>
                <th scope="col">"Attempts"</th>
                {can.then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
            </tr></thead>
            <tbody>
                {deliveries.into_iter().map(|d| {
                    let sid = sid.clone();
                    view! {
                        <tr>
                            <td>{d.created_at.clone()}<br/><code class="muted">{d.id.clone()}</code></td>
                            <td>{d.event_type.clone()}<br/><code class="muted">{d.event_id.clone()}</code></td>
                            <td>{d.status.clone()}{d.next_attempt_at.clone().map(|t| view! { <br/><span class="muted">"next: "{t}</span> })}</td>
                            <td>
                                <ol class="attempts">
                                    {d.attempts.iter().map(|a| view! {
                                        <li>
                                            {a.at.clone()}" · "
                                            {a.status_code.map_or_else(|| "no answer".to_string(), |c| c.to_string())}
                                            " · "{a.duration_ms}" ms"
                                            {a.error.clone().map(|e| view! { <br/><span class="form-error">{e}</span> })}
                                            {(!a.response_start.is_empty()).then(|| view! { <br/><code class="muted">{a.response_start.clone()}</code> })}
                                        </li>
                                    }).collect_view()}
                                </ol>
                            </td>
                            {can.then(|| view! {
                                <td>
                                    <ActionForm action=redeliver attr:class="inline">
                                        <input type="hidden" name="org_id" value=org/>
                                        <input type="hidden" name="subscription" value=sid/>
                                        <input type="hidden" name="delivery" value=d.id.clone()/>
                                        <button type="submit" class="secondary" aria-label=format!("Redeliver {}", d.id)>"Redeliver"</button>
                                    </ActionForm>
                                </td>
                            })}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
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
        <Title text="Webhooks"/>
        <header class="page-header"><h1>"Webhooks"</h1></header>
        <form method="get" class="search-form" role="search">
            <label for="webhooks-q">"Filter by URL or subscription ID"</label>
            <input id="webhooks-q" name="q" type="search" value=move || q.get()/>
            <button type="submit" class="secondary">"Filter"</button>
        </form>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(subs) => {
                        let empty = if q.get().is_empty() {
                            "No push subscriptions yet. Open a product and choose \"Create subscription\"."
                        } else {
                            "No subscription matches that URL or ID."
                        };
                        view! { <SubscriptionsTable org=org.get() subs=subs with_product=true empty=empty/> }.into_any()
                    }
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[cfg(test)]
mod tests {
    use super::url_hint;

    #[test]
    fn the_url_hint_speaks_while_typing() {
        assert_eq!(url_hint("", true), None);
        assert_eq!(url_hint("htt", true), None);
        assert_eq!(url_hint("https://example.com/hook", true), None);
        assert!(url_hint("http://example.com", true).is_some());
        assert_eq!(url_hint("http://example.com", false), None);
        assert!(url_hint("https://localhost:8080/x", true).is_some());
        assert!(url_hint("https://u:p@example.com", true).is_some());
        assert!(url_hint("example.com", true).is_some());
        assert!(url_hint("https://", true).is_some());
    }
}
