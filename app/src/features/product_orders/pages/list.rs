//! `/o/:org/product-orders`: a partner's product orders (those naming it), a customer's, or the
//! operator's review queue; by status and type, searched by business identifier or name,
//! expired ones only when asked; 50 a page, newest first (a GET form and links).
use crate::components::{
    loaded, org_param, query_string, DataTable, EmptyState, FormResult, PageHeader, StatusBadge,
};
use crate::features::product_orders::api::{list_product_orders, SetProductOrderAutoApprove};
use crate::features::product_orders::dto::{ProductOrderQuery, ProductOrdersPage as Page};
use crate::glossary::{OrgKind, ProductOrderStatus, ProductOrderType};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_query_map;

/// The operator's auto-approval switch.
#[component]
fn AutoApprove(org: i32, on: bool, set: ServerAction<SetProductOrderAutoApprove>) -> impl IntoView {
    let (text, button) = if on {
        (
            tr!("product-orders-auto-on"),
            tr!("product-orders-auto-turn-off"),
        )
    } else {
        (
            tr!("product-orders-auto-off"),
            tr!("product-orders-auto-turn-on"),
        )
    };
    view! {
        <ActionForm action=set attr:class="card form-card">
            <p>{text}</p>
            <input type="hidden" name="org_id" value=org/>
            <input type="hidden" name="on" value=(!on).to_string()/>
            <FormResult value=set.value() success=|_: ()| tr!("product-orders-auto-saved")/>
            <button type="submit" class="secondary">{button}</button>
        </ActionForm>
    }
}

/// `/o/:org/product-orders`.
#[component]
pub fn ProductOrdersPage() -> impl IntoView {
    let org = org_param();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        ProductOrderQuery {
            status: p.get("status").unwrap_or_default(),
            order_type: p.get("type").unwrap_or_default(),
            q: p.get("q").unwrap_or_default(),
            include_expired: p.get("expired").is_some_and(|v| v == "1"),
            cursor: p.get("cursor").unwrap_or_default(),
        }
    });
    let set = ServerAction::<SetProductOrderAutoApprove>::new();
    let page = Resource::new(
        move || (org.get(), query.get(), set.version().get()),
        |(o, q, _)| {
            list_product_orders(o, q.status, q.order_type, q.q, q.include_expired, q.cursor)
        },
    );
    view! {
        {loaded(page, move |page: Page| {
            let q = query.get();
            let org = org.get();
            let (title, subtitle) = match page.viewer {
                OrgKind::Partner => (tr!("nav-product-orders"), tr!("product-orders-partner-subtitle")),
                OrgKind::Customer => (tr!("nav-product-orders"), tr!("product-orders-customer-subtitle")),
                OrgKind::Operator => (tr!("nav-product-orders"), tr!("product-orders-operator-subtitle")),
            };
            let filtered = !q.status.is_empty() || !q.order_type.is_empty() || !q.q.is_empty();
            let rows = if page.rows.is_empty() {
                let msg = match (filtered, page.viewer) {
                    (true, _) => tr!("product-orders-none-match"),
                    (false, OrgKind::Partner) => tr!("product-orders-none-partner"),
                    (false, OrgKind::Customer) => tr!("product-orders-none-customer"),
                    (false, OrgKind::Operator) => tr!("product-orders-none-operator"),
                };
                view! { <EmptyState text=msg/> }.into_any()
            } else {
                view! {
                    <DataTable label=tr!("nav-product-orders") headers=vec![tr!("product-order-customer"), tr!("status"), tr!("product-order-type"), tr!("product-nav"), tr!("product-order-created"), tr!("product-order-changed")]>
                        {page.rows.iter().map(|r| view! {
                            <tr>
                                <td>
                                    <a href=paths::product_order(org, &r.id)>{if r.customer_name.is_empty() { r.sales_unit_name.clone() } else { r.customer_name.clone() }}</a>
                                    <br/><span class="muted">{r.business_identifier.clone()}</span>
                                </td>
                                <td><StatusBadge status=r.status/></td>
                                <td>{r.order_type.label(lang())}</td>
                                <td>{r.product_name.clone()}{(page.viewer != OrgKind::Partner).then(|| format!(" · {}", r.partner_name))}</td>
                                <td>{r.created_at.date_time(lang())}</td>
                                <td>{r.updated_at.date_time(lang())}</td>
                            </tr>
                        }).collect_view()}
                    </DataTable>
                }
                .into_any()
            };
            let expired = if q.include_expired { "1" } else { "" };
            let here = |cursor: &str| format!(
                "{}{}",
                paths::product_orders(org),
                query_string(&[("status", &q.status), ("type", &q.order_type), ("q", &q.q), ("expired", expired), ("cursor", cursor)])
            );
            let first = (!q.cursor.is_empty()).then(|| here(""));
            let next = page.next_cursor.as_deref().map(here);
            let (status, kind) = (q.status.clone(), q.order_type.clone());
            let partner = page.viewer == OrgKind::Partner;
            view! {
                <PageHeader title=title subtitle=subtitle>
                    {(partner && page.can_manage).then(|| view! {
                        <a class="button primary" href=format!("{}/new", paths::product_orders(org))>{tr!("product-orders-new")}</a>
                    })}
                    {partner.then(|| view! {
                        <a class="button secondary" href=paths::product_order_templates(org)>{tr!("nav-product-order-templates")}</a>
                    })}
                    {(page.viewer == OrgKind::Customer).then(|| view! {
                        <a class="button primary" href=format!("{}/new", paths::product_orders(org))>{tr!("product-orders-order-product")}</a>
                    })}
                </PageHeader>
                {(page.viewer == OrgKind::Operator && page.can_manage).then(|| view! { <AutoApprove org=org on=page.auto_approve set=set/> })}
                <form method="get" class="filters" role="search" aria-label=tr!("product-orders-filter-label")>
                    <div class="field grow">
                        <label for="po-q">{tr!("search")}</label>
                        <input id="po-q" name="q" type="search" value=q.q.clone() placeholder=tr!("product-orders-search-placeholder")/>
                    </div>
                    <div class="field">
                        <label for="po-status">{tr!("status")}</label>
                        <select id="po-status" name="status">
                            <option value="">{tr!("product-orders-any-status")}</option>
                            {ProductOrderStatus::ALL.iter().map(|s| view! {
                                <option value=s.as_str() selected=status == s.as_str()>{s.label(lang())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="po-type">{tr!("product-order-type")}</label>
                        <select id="po-type" name="type">
                            <option value="">{tr!("product-orders-any-type")}</option>
                            {ProductOrderType::ALL.iter().map(|t| view! {
                                <option value=t.as_str() selected=kind == t.as_str()>{t.label(lang())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field checkbox">
                        <input id="po-expired" type="checkbox" name="expired" value="1" checked=q.include_expired/>
                        <label for="po-expired">{tr!("product-orders-include-expired")}</label>
                    </div>
                    <button type="submit" class="secondary">{tr!("filter")}</button>
                </form>
                {rows}
                {(first.is_some() || next.is_some()).then(|| view! {
                    <nav class="pager" aria-label=tr!("product-orders-pages")>
                        {first.map(|h| view! { <a href=h>{tr!("orders-newest")}</a> })}
                        {next.map(|h| view! { <a href=h>{tr!("orders-older")}</a> })}
                    </nav>
                })}
            }
            .into_any()
        })}
    }
}
