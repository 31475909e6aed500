//! `/o/:org/orders/:order`: an order, its data and its timeline; the partner accepts, completes
//! or declines it with a message, a customer's admin cancels it (after a confirmation).
use super::move_label;
use crate::components::{
    loaded, org_param, Confirmed, EmptyState, FormResult, PageHeader, StatusBadge, Submit,
};
use crate::features::orders::api::{get_order, UpdateOrder};
use crate::features::orders::dto::OrderDetail;
use crate::glossary::{OrderParty, OrderStatus};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_params_map;

/// The partner's form: the next status, a message, "Update order".
#[component]
fn PartnerForm(
    org: i32,
    order_id: String,
    next: Vec<OrderStatus>,
    update: ServerAction<UpdateOrder>,
) -> impl IntoView {
    let first = next.first().copied();
    view! {
        <section class="card form-card" aria-labelledby="order-respond-title">
            <h2 id="order-respond-title">{tr!("order-respond")}</h2>
            <ActionForm action=update>
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="order_id" value=order_id/>
                <fieldset class="choices">
                    <legend>{tr!("order-new-status")}</legend>
                    {next.into_iter().map(|s| {
                        let id = format!("order-to-{}", s.as_str());
                        view! {
                            <div class="field checkbox">
                                <input type="radio" id=id.clone() name="status" value=s.as_str() checked=Some(s) == first/>
                                <label for=id>{move_label(s)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="order-message">{tr!("order-message")}</label>
                    <textarea id="order-message" name="message" rows="3" maxlength="2000"></textarea>
                    <p class="muted">{tr!("order-message-explained")}</p>
                </div>
                <FormResult value=update.value() success=|_: ()| tr!("order-updated")/>
                <Submit label=tr!("order-update") busy=tr!("order-updating") pending=update.pending()/>
            </ActionForm>
        </section>
    }
}

/// The customer admin's "Cancel order", behind a confirmation.
#[component]
fn CancelForm(org: i32, order_id: String, update: ServerAction<UpdateOrder>) -> impl IntoView {
    let warning = tr!("order-cancel-warning");
    let order_id = StoredValue::new(order_id);
    view! {
        <section aria-label=tr!("order-cancel")>
            <Confirmed key="cancel".to_string() label=tr!("order-cancel") warning=warning done=update.version()>
                <ActionForm action=update attr:class="inline">
                    <input type="hidden" name="org_id" value=org/>
                    <input type="hidden" name="order_id" value=order_id.get_value()/>
                    <input type="hidden" name="status" value="cancelled"/>
                    <div class="field">
                        <label for="order-cancel-message">{tr!("order-cancel-reason")}</label>
                        <input id="order-cancel-message" name="message" maxlength="2000"/>
                    </div>
                    <button type="submit" class="danger">{tr!("order-cancel")}</button>
                </ActionForm>
            </Confirmed>
            <FormResult value=update.value()/>
        </section>
    }
}

/// `/o/:org/orders/:order`.
#[component]
pub fn OrderPage() -> impl IntoView {
    let org = org_param();
    let params = use_params_map();
    let order_id = Memo::new(move |_| params.read().get("order").unwrap_or_default());
    // Either form's update reloads the page's order.
    let update = ServerAction::<UpdateOrder>::new();
    let detail = Resource::new(
        move || (org.get(), order_id.get(), update.version().get()),
        |(o, id, _)| get_order(o, id),
    );
    view! {
        <p><a href=move || paths::orders(org.get())>{tr!("orders-back")}</a></p>
        {loaded(detail, move |d: OrderDetail| {
            let o = d.order.clone();
            let partner = d.viewer == OrderParty::Partner;
            let org = org.get();
            let title = tr!("order-title", { "object" => format!("{} {}", o.object_type, o.object_id) });
            let actions = match (partner, d.next.is_empty()) {
                (_, true) => None,
                (true, false) => Some(view! { <PartnerForm org=org order_id=o.id.clone() next=d.next.clone() update=update/> }.into_any()),
                (false, false) => Some(view! { <CancelForm org=org order_id=o.id.clone() update=update/> }.into_any()),
            };
            view! {
                <PageHeader title=title subtitle=o.id.clone()/>
                <dl class="facts">
                    <dt>{tr!("status")}</dt><dd><StatusBadge status=o.status/></dd>
                    <dt>{tr!("product-nav")}</dt><dd>{o.product_name.clone()}" · "{o.partner_name.clone()}</dd>
                    <dt>{tr!("orders-installation")}</dt><dd>{o.installation_name.clone()}" ("<code>{o.installation_id.clone()}</code>") · "{o.customer_name.clone()}</dd>
                    <dt>{tr!("orders-object")}</dt><dd>{o.object_type.clone()}" "<code>{o.object_id.clone()}</code></dd>
                    <dt>{tr!("orders-ordered-by")}</dt><dd>{o.ordered_by_name.clone()}" <"{o.ordered_by_email.clone()}">"</dd>
                    <dt>{tr!("orders-created")}</dt><dd>{o.created_at.date_time(lang())}</dd>
                </dl>
                {partner.then(|| view! { <p class="muted">{tr!("order-access-explained", { "object" => o.object_type.clone() })}</p> })}
                {actions}
                <section aria-labelledby="order-timeline-title">
                    <h2 id="order-timeline-title">{tr!("order-timeline")}</h2>
                    {if d.steps.is_empty() {
                        view! { <EmptyState text=tr!("order-timeline-empty")/> }.into_any()
                    } else {
                        view! {
                            <ol class="timeline">
                                {d.steps.iter().map(|s| view! {
                                    <li>
                                        <StatusBadge status=s.status/>" "
                                        <span>{tr!("order-step-by", { "party" => s.by_party.label(lang()), "who" => s.by_label.clone() })}</span>" · "
                                        <time>{s.at.date_time(lang())}</time>
                                        {(!s.message.is_empty()).then(|| view! { <blockquote>{s.message.clone()}</blockquote> })}
                                    </li>
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                </section>
                {(!d.data.is_empty() && d.data != "{}").then(|| view! {
                    <section aria-labelledby="order-data-title">
                        <h2 id="order-data-title">{tr!("order-data")}</h2>
                        <pre class="code">{d.data.clone()}</pre>
                    </section>
                })}
            }
            .into_any()
        })}
    }
}
