//! `/o/:org/commission/:period`: one month of a partner's commission: its sums, its rows per
//! sales unit (100 a page) and "Download CSV".
use super::commission::{amounts, period_label};
use crate::components::{loaded, org_param, query_string, DataTable, EmptyState, PageHeader};
use crate::features::pricing::api::get_commission_month;
use crate::features::pricing::dto::CommissionMonthPage;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/o/:org/commission/:period`.
#[component]
pub fn CommissionMonthPage() -> impl IntoView {
    let org = org_param();
    let params = use_params_map();
    let query = use_query_map();
    let period = Memo::new(move |_| params.read().get("period").unwrap_or_default());
    let cursor = Memo::new(move |_| {
        query
            .read()
            .get("after")
            .and_then(|c| c.parse().ok())
            .unwrap_or(0)
    });
    let page = Resource::new(
        move || (org.get(), period.get(), cursor.get()),
        |(o, p, c)| get_commission_month(o, p, c),
    );
    view! {
        <p><a href=move || paths::commission(org.get())>{tr!("commission-back")}</a></p>
        {loaded(page, move |m: CommissionMonthPage| {
            let (org, label) = (org.get(), period_label(&m.month.period));
            let here = paths::commission_month(org, &m.month.period);
            view! {
                <Title text=label.clone()/>
                <PageHeader title=label subtitle=tr!("commission-month-subtitle", { "date" => m.month.updated_at.date_time(lang()) })>
                    <a class="button secondary" href=paths::commission_csv(org, &m.month.period) download="">{tr!("commission-download")}</a>
                </PageHeader>
                <dl class="facts">
                    <dt>{tr!("nav-sales-units")}</dt><dd>{m.month.rows}</dd>
                    <dt>{tr!("commission-volume")}</dt><dd>{amounts(&m.month.volume)}</dd>
                    <dt>{tr!("price-package-commission")}</dt><dd>{amounts(&m.month.commission)}</dd>
                </dl>
                {if m.rows.is_empty() {
                    view! { <EmptyState text=tr!("commission-no-rows")/> }.into_any()
                } else {
                    view! {
                        <DataTable label=tr!("commission-rows") headers=vec![{tr!("sales-unit")}, {tr!("installation-id")}, {tr!("price-package")}, {tr!("commission-volume")}, {tr!("price-package-commission")}]>
                            {m.rows.iter().map(|r| view! {
                                <tr>
                                    <td>{r.sales_unit.clone().unwrap_or_else(|| "—".into())}</td>
                                    <td><code>{r.installation_id.clone()}</code></td>
                                    <td>{if r.price_package.is_empty() { "—".to_owned() } else { r.price_package.clone() }}</td>
                                    <td class="number">{r.volume.format(lang())}</td>
                                    <td class="number">{r.commission.format(lang())}</td>
                                </tr>
                            }).collect_view()}
                        </DataTable>
                    }.into_any()
                }}
                <nav class="pager" aria-label=tr!("commission-pages")>
                    {(cursor.get() > 0).then(|| view! { <a href=here.clone()>{tr!("sales-units-first-page")}</a> })}
                    {m.next_cursor.map(|c| view! {
                        <a href=format!("{here}{}", query_string(&[("after", &c.to_string())]))>{tr!("sales-units-next-page")}</a>
                    })}
                </nav>
            }
        })}
    }
}
