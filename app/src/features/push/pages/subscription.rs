//! `/o/:org/products/:id/subscriptions/:sid`: the subscription, its actions and its delivery
//! log.
use super::form::{EventTypeChoices, UrlField};
use super::list::status_badge;
use super::sub_param;
use crate::components::{
    loaded, org_param, query_string, Confirmed, CopyField, DataTable, EmptyState, FormResult,
    Submit,
};
use crate::features::push::api::{
    get_subscription, DeleteSubscription, HideSubscriptionSecret, Redeliver, ReplayFailed,
    RotateSubscriptionSecret, SendTestEvent, SetSubscriptionEnabled, UpdateSubscription,
};
use crate::features::push::dto::{disabled_reason, DeliveryLog, SubscriptionDetail};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/o/:org/products/:id/subscriptions/:sid`: the subscription, its actions and its log.
#[component]
pub fn SubscriptionPage() -> impl IntoView {
    // The page may show the signing secret.
    #[cfg(feature = "ssr")]
    crate::server::request::no_store();
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
        <Title text=tr!("push-subscription")/>
        {loaded(detail, move |d: SubscriptionDetail| view! { <SubscriptionView d=d org=org.get() actions=actions/> })}
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
    let base = paths::product(org, s.product_id);
    let me = paths::subscription(org, s.product_id, &s.id);
    let hidden = move |sid: String| {
        view! {
            <input type="hidden" name="org_id" value=org/>
            <input type="hidden" name="subscription" value=sid/>
        }
    };
    // ActionForm children are moved into closures: one pair of hidden fields per form.
    let [h_test, h_enable, h_update, h_replay, h_hide] =
        std::array::from_fn(|_| hidden(s.id.clone()));
    // The confirmed actions build their forms again each time they are asked for.
    let (sub_id, sub_url) = (StoredValue::new(s.id.clone()), s.url.clone());
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
        view! { <a href=href aria-current=current>{status_word(f)}</a>" " }
    });
    view! {
        <p><a href=base.clone()>"← "{s.product_name.clone()}</a></p>
        <header class="page-header">
            <h1>{tr!("push-subscription")}</h1>
            <p><code>{s.id.clone()}</code>" "{status_badge(&s)}</p>
        </header>
        {d.secret_once.clone().map(|secret| view! {
            <div class="notice warn" role="alert">
                <strong>{tr!("push-copy-secret-now")}</strong>" "{tr!("push-secret-shown")}" "
                <code>"webhook-signature"</code>{tr!("push-secret-header")}
                <CopyField id="signing-secret" label=tr!("push-signing-secret") value=secret/>
                <ActionForm action=actions.hide attr:class="inline">{h_hide}
                    <button type="submit" class="primary">{tr!("push-saved-secret")}</button>
                </ActionForm>
            </div>
        })}
        {s.disabled_reason.clone().map(|r| view! { <p class="notice warn" role="status">{tr!("push-disabled")}" "{disabled_reason(lang(), &r)}</p> })}
        <dl class="facts">
            <dt>{tr!("push-receiver-url")}</dt><dd>{s.url.clone()}</dd>
            <dt>{tr!("push-event-types")}</dt><dd>{s.event_types.join(", ")}</dd>
            <dt>{tr!("description")}</dt><dd>{if s.description.is_empty() { "—".to_string() } else { s.description.clone() }}</dd>
            <dt>{tr!("credentials-created")}</dt><dd>{s.created_at.date_time(lang())}</dd>
            {s.failing_since.clone().map(|t| view! { <dt>{tr!("push-failing-since")}</dt><dd>{t.date_time(lang())}</dd> })}
            {s.previous_secret_until.clone().map(|t| view! { <dt>{tr!("push-old-secret-until")}</dt><dd>{t.date_time_seconds(lang())}</dd> })}
        </dl>
        <FormResult value=actions.test.value() success=|_| tr!("push-test-queued")/>
        <FormResult value=actions.enable.value()/>
        <FormResult value=actions.rotate.value() success=|_| tr!("push-secret-created")/>
        <FormResult value=actions.delete.value()/>
        {can.then(move || view! {
            <div class="actions">
                <ActionForm action=actions.test attr:class="inline">{h_test}
                    <Submit label=tr!("push-send-test") busy=tr!("push-sending") pending=actions.test.pending()/></ActionForm>
                <ActionForm action=actions.enable attr:class="inline">{h_enable}
                    <input type="hidden" name="enable" value=(!enabled).to_string()/>
                    <button type="submit" class="secondary">{if enabled { {tr!("push-disable")} } else { {tr!("push-enable")} }}</button></ActionForm>
                <Confirmed key="rotate".to_owned() label=tr!("push-rotate") done=actions.rotate.version()
                    warning=tr!("push-confirm-rotate")>
                    <ActionForm action=actions.rotate attr:class="inline">{hidden(sub_id.get_value())}
                        <button type="submit" class="secondary">{tr!("push-rotate")}</button></ActionForm>
                </Confirmed>
                <Confirmed key="delete".to_owned() label=tr!("delete") done=actions.delete.version()
                    warning=tr!("push-confirm-delete", { "url" => sub_url.clone() })>
                    <ActionForm action=actions.delete attr:class="inline">{hidden(sub_id.get_value())}
                        <input type="hidden" name="product_id" value=product_id/>
                        <button type="submit" class="danger">{tr!("delete")}</button></ActionForm>
                </Confirmed>
            </div>
            <details class="card">
                <summary>{tr!("edit")}</summary>
                <ActionForm action=actions.update attr:class="form-card">{h_update}
                    <UrlField value=url.clone() https_only=form.https_only/>
                    <EventTypeChoices form=form.clone() chosen=types.clone() only=None/>
                    <div class="field">
                        <label for="sub-description">{tr!("description")}</label>
                        <input id="sub-description" name="description" type="text" maxlength="200" value=description.clone()/>
                    </div>
                    <FormResult value=actions.update.value() success=|_| tr!("saved")/>
                    <Submit label=tr!("save-changes") busy=tr!("push-checking-receiver") pending=actions.update.pending()/>
                </ActionForm>
            </details>
        })}
        <section aria-labelledby="log-title">
            <h2 id="log-title">{tr!("push-log")}</h2>
            <nav class="filters" aria-label=tr!("push-filter-status")>{tr!("push-show")}" "{filter_links}</nav>
            <form method="get" class="search-form" role="search" action=me.clone()>
                <input type="hidden" name="status" value=log.status.clone()/>
                <label for="log-q">{tr!("push-find-label")}</label>
                <input id="log-q" name="q" type="search" value=log.search.clone() placeholder=tr!("push-find-placeholder")/>
                <button type="submit" class="secondary">{tr!("push-find")}</button>
            </form>
            <FormResult value=actions.redeliver.value() success=|_| tr!("push-sent-again")/>
            <DeliveryLog log=log.clone() org=org sid=s.id.clone() can=can redeliver=actions.redeliver/>
            <LogPager log=log me=me.clone()/>
            {can.then(move || view! {
                <ActionForm action=actions.replay attr:class="card form-card">{h_replay}
                    <div class="field">
                        <label for="replay-since">{tr!("push-replay-since")}</label>
                        <input id="replay-since" name="since" type="datetime-local"/>
                    </div>
                    <FormResult value=actions.replay.value() success=|n: u64| tr!("push-replayed", { "count" => n })/>
                    <Submit label=tr!("push-replay") busy=tr!("push-replaying") pending=actions.replay.pending() class="secondary"/>
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
            <nav class="pager" aria-label=tr!("push-pages")>
                {newest.map(|h| view! { <a href=h>{tr!("push-newest")}</a>" " })}
                {newer.map(|h| view! { <a href=h>{tr!("push-newer")}</a>" " })}
                {older.map(|h| view! { <a href=h>{tr!("push-older")}</a> })}
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
                tr!("push-none-id")
            }
            (false, _) => tr!("push-none-id-status", { "status" => status_word(&log.status) }),
            (true, "all") => {
                tr!("push-none-yet")
            }
            (true, _) => tr!("push-none-status", { "status" => status_word(&log.status) }),
        };
        return view! { <EmptyState text=empty/> }.into_any();
    }
    let mut headers = vec![
        tr!("credentials-created"),
        tr!("push-event"),
        tr!("status"),
        tr!("push-attempts"),
    ];
    if can {
        headers.push(String::new());
    }
    view! {
        <DataTable label=tr!("push-deliveries") headers=headers>
                {deliveries.into_iter().map(|d| {
                    let sid = sid.clone();
                    view! {
                        <tr>
                            <td>{d.created_at.date_time_seconds(lang())}<br/><code class="muted">{d.id.clone()}</code></td>
                            <td>{d.event_type.clone()}<br/><code class="muted">{d.event_id.clone()}</code></td>
                            <td>{d.status.label(lang())}{d.next_attempt_at.map(|t| view! { <br/><span class="muted">{tr!("push-next")}" "{t.date_time_seconds(lang())}</span> })}</td>
                            <td>
                                <ol class="attempts">
                                    {d.attempts.iter().map(|a| view! {
                                        <li>
                                            {a.at.date_time_seconds(lang())}" · "
                                            {a.status_code.map_or_else(|| tr!("push-no-answer"), |c| c.to_string())}
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
                                        <button type="submit" class="secondary" aria-label=tr!("push-redeliver-what", { "id" => d.id.clone() })>{tr!("push-redeliver")}</button>
                                    </ActionForm>
                                </td>
                            })}
                        </tr>
                    }
                }).collect_view()}
        </DataTable>
    }
    .into_any()
}

/// A delivery-log filter's word: "all", or a delivery status, in the page's language.
fn status_word(filter: &str) -> String {
    match filter.parse::<crate::glossary::DeliveryStatus>() {
        Ok(status) => status.label(lang()).to_lowercase(),
        Err(()) => tr!("push-all"),
    }
}
