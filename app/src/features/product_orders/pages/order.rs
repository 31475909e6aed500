//! `/o/:org/product-orders/:order`: a product order with its timeline. The partner copies its
//! link and may delete it before it is submitted; the operator's admins approve it (a new sales
//! unit, or one of the customer's own) or reject it with a reason; the customer continues it.
use crate::components::{
    loaded, org_param, Confirmed, CopyField, EmptyState, FormResult, PageHeader, StatusBadge,
    Submit,
};
use crate::features::product_orders::api::{
    get_product_order, ApproveProductOrder, DeleteProductOrder, RejectProductOrder,
};
use crate::features::product_orders::dto::ProductOrderDetail;
use crate::glossary::OrgKind;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_params_map;

/// The operator's decision: approve into a new sales unit or one of the customer's, or reject.
#[component]
fn Decide(
    org: i32,
    order_id: String,
    connectable: Vec<(String, String)>,
    approve: ServerAction<ApproveProductOrder>,
    reject: ServerAction<RejectProductOrder>,
) -> impl IntoView {
    let reject_id = order_id.clone();
    view! {
        <section class="card form-card" aria-labelledby="po-approve-title">
            <h2 id="po-approve-title">{tr!("product-order-approve")}</h2>
            <p class="muted">{tr!("product-order-approve-explained")}</p>
            <ActionForm action=approve>
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="order_id" value=order_id.clone()/>
                <div class="field">
                    <label for="po-target">{tr!("product-order-sales-unit")}</label>
                    <select id="po-target" name="target">
                        <option value="new">{tr!("product-order-new-sales-unit")}</option>
                        {connectable.into_iter().map(|(id, name)| {
                            let text = tr!("product-order-connect", { "name" => name, "id" => id.clone() });
                            view! { <option value=id>{text}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <FormResult value=approve.value()/>
                <Submit label=tr!("product-order-approve") busy=tr!("product-order-approving") pending=approve.pending()/>
            </ActionForm>
        </section>
        <section class="card form-card" aria-labelledby="po-reject-title">
            <h2 id="po-reject-title">{tr!("product-order-reject")}</h2>
            <ActionForm action=reject>
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="order_id" value=reject_id/>
                <div class="field">
                    <label for="po-reason">{tr!("product-order-reason")}</label>
                    <textarea id="po-reason" name="reason" rows="2" maxlength="1000"></textarea>
                    <p class="muted">{tr!("product-order-reason-explained")}</p>
                </div>
                <FormResult value=reject.value()/>
                <button type="submit" class="danger">{tr!("product-order-reject")}</button>
            </ActionForm>
        </section>
    }
}

/// `/o/:org/product-orders/:order`.
#[component]
pub fn ProductOrderPage() -> impl IntoView {
    let org = org_param();
    let params = use_params_map();
    let order_id = Memo::new(move |_| params.read().get("order").unwrap_or_default());
    let approve = ServerAction::<ApproveProductOrder>::new();
    let reject = ServerAction::<RejectProductOrder>::new();
    let delete = ServerAction::<DeleteProductOrder>::new();
    let detail = Resource::new(
        move || {
            (
                org.get(),
                order_id.get(),
                approve.version().get(),
                reject.version().get(),
            )
        },
        |(o, id, ..)| get_product_order(o, id),
    );
    view! {
        <p><a href=move || paths::product_orders(org.get())>{tr!("product-orders-back")}</a></p>
        {loaded(detail, move |d: ProductOrderDetail| {
            let o = d.order.clone();
            let org = org.get();
            let title = if o.customer_name.is_empty() { o.sales_unit_name.clone() } else { o.customer_name.clone() };
            let oid = StoredValue::new(o.id.clone());
            view! {
                <PageHeader title=title subtitle=tr!("product-order-subtitle", { "product" => o.product_name.clone(), "partner" => o.partner_name.clone() })/>
                <dl class="facts">
                    <dt>{tr!("status")}</dt><dd><StatusBadge status=o.status/></dd>
                    <dt>{tr!("product-order-type")}</dt><dd>{o.order_type.label(lang())}</dd>
                    <dt>{tr!("business-identifier")}</dt><dd>{o.business_identifier.clone()}</dd>
                    <dt>{tr!("product-order-sales-unit-name")}</dt><dd>{o.sales_unit_name.clone()}</dd>
                    <dt>{tr!("price-package")}</dt><dd>{d.price_package.clone().unwrap_or_else(|| tr!("product-order-package-open"))}</dd>
                    {d.contact_email.clone().map(|e| view! { <dt>{tr!("product-order-contact")}</dt><dd>{e}</dd> })}
                    {d.expires_at.map(|t| view! { <dt>{tr!("product-order-expires")}</dt><dd>{t.date_time(lang())}</dd> })}
                    {o.installation_id.clone().map(|i| view! { <dt>{tr!("installation-id")}</dt><dd><code>{i}</code></dd> })}
                    {(!d.note.is_empty()).then(|| view! { <dt>{tr!("product-order-note")}</dt><dd>{d.note.clone()}</dd> })}
                    {d.rejection_reason.clone().map(|r| view! { <dt>{tr!("product-order-reason")}</dt><dd>{r}</dd> })}
                </dl>
                {d.link.clone().map(|link| view! {
                    <section aria-labelledby="po-link-title">
                        <h2 id="po-link-title">{tr!("product-order-link")}</h2>
                        <p class="muted">{tr!("product-order-link-explained")}</p>
                        <CopyField id="po-link" label=tr!("product-order-link") value=link/>
                    </section>
                })}
                {d.continue_link.clone().map(|link| view! {
                    <p><a class="button primary" href=link>{tr!("product-order-continue")}</a></p>
                })}
                {(d.viewer == OrgKind::Operator && d.can_decide).then(|| view! {
                    <Decide org=org order_id=o.id.clone() connectable=d.connectable.clone() approve=approve reject=reject/>
                })}
                {d.can_delete.then(|| view! {
                    <Confirmed key="delete".to_string() label=tr!("product-order-delete") warning=tr!("product-order-delete-warning") done=delete.version()>
                        <ActionForm action=delete attr:class="inline">
                            <input type="hidden" name="org_id" value=org/>
                            <input type="hidden" name="order_id" value=oid.get_value()/>
                            <button type="submit" class="danger">{tr!("product-order-delete")}</button>
                        </ActionForm>
                    </Confirmed>
                    <FormResult value=delete.value()/>
                })}
                <section aria-labelledby="po-timeline-title">
                    <h2 id="po-timeline-title">{tr!("order-timeline")}</h2>
                    {if d.steps.is_empty() {
                        view! { <EmptyState text=tr!("order-timeline-empty")/> }.into_any()
                    } else {
                        view! {
                            <ol class="timeline">
                                {d.steps.iter().map(|s| view! {
                                    <li><StatusBadge status=s.status/>" "{s.by.clone()}" · "<time>{s.at.date_time(lang())}</time></li>
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                </section>
            }
            .into_any()
        })}
    }
}
