//! `/o/:org/commission`: a partner's months of commission, or the operator's latest statements
//! with "Upload statement" (a plain multipart form, with or without JavaScript).
use crate::components::{loaded, org_param, DataTable, EmptyState, PageHeader, QueryMessages};
use crate::features::pricing::api::get_commission;
use crate::features::pricing::dto::{CommissionMonth, CommissionView, Money, OperatorCommission};
use crate::i18n::{lang, month_of_year};
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// `2026-11` as people read it: `November 2026`.
pub fn period_label(period: &str) -> String {
    match period.split_once('-').map(|(y, m)| (y.parse(), m.parse())) {
        Some((Ok(y), Ok(m))) => month_of_year(lang(), y, m),
        _ => period.to_owned(),
    }
}

/// Sums per currency, as a cell.
pub(super) fn amounts(sums: &[Money]) -> String {
    if sums.is_empty() {
        return "—".into();
    }
    sums.iter()
        .map(|m| m.format(lang()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `/o/:org/commission`.
#[component]
pub fn CommissionPage() -> impl IntoView {
    let org = org_param();
    let view = Resource::new(move || org.get(), get_commission);
    view! {
        <PageHeader title=tr!("nav-commission") subtitle=tr!("commission-subtitle")/>
        <QueryMessages successes=&["imported"]/>
        {loaded(view, move |v: CommissionView| match v {
            CommissionView::Partner(months) => view! { <PartnerMonths org=org.get() months=months/> }.into_any(),
            CommissionView::Operator(o) => view! { <OperatorStatements org=org.get() o=o/> }.into_any(),
        })}
    }
}

#[component]
fn PartnerMonths(org: i32, months: Vec<CommissionMonth>) -> impl IntoView {
    if months.is_empty() {
        return view! { <EmptyState text=tr!("commission-none")/> }.into_any();
    }
    view! {
        <DataTable label=tr!("commission-months") headers=vec![{tr!("commission-month")}, {tr!("nav-sales-units")}, {tr!("commission-volume")}, {tr!("price-package-commission")}]>
            {months.into_iter().map(|m| view! {
                <tr>
                    <td><a href=paths::commission_month(org, &m.period)>{period_label(&m.period)}</a></td>
                    <td>{m.rows}</td>
                    <td>{amounts(&m.volume)}</td>
                    <td>{amounts(&m.commission)}</td>
                </tr>
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}

#[component]
fn OperatorStatements(org: i32, o: OperatorCommission) -> impl IntoView {
    view! {
        {if o.statements.is_empty() {
            view! { <EmptyState text=tr!("commission-none-yet")/> }.into_any()
        } else {
            view! {
                <DataTable label=tr!("commission-latest") headers=vec![{tr!("org-kind-partner")}, {tr!("commission-month")}, {tr!("nav-sales-units")}, {tr!("price-package-commission")}, {tr!("commission-sent")}]>
                    {o.statements.into_iter().map(|s| view! {
                        <tr>
                            <td>{s.partner.name.clone()}</td>
                            <td>{period_label(&s.month.period)}</td>
                            <td>{s.month.rows}</td>
                            <td>{amounts(&s.month.commission)}</td>
                            <td>{s.month.updated_at.date_time(lang())}" · "{s.month.source.label(lang())}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            }.into_any()
        }}
        <section class="card form-card" aria-labelledby="upload-title">
            <h2 id="upload-title">{tr!("commission-upload-title")}</h2>
            <p class="muted">{tr!("commission-upload-explained")}</p>
            <pre>"installation_id,price_package,volume,commission,currency\nHAV01,Standard,125000.00,1125.00,NOK"</pre>
            <form method="post" action=format!("{}/upload", paths::commission(org)) enctype="multipart/form-data">
                <div class="field-row">
                    <div class="field">
                        <label for="upload-partner">{tr!("org-kind-partner")}</label>
                        <select id="upload-partner" name="partner_id">
                            {o.partners.iter().map(|p| view! { <option value=p.id>{p.name.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="upload-period">{tr!("commission-month")}</label>
                        <input id="upload-period" name="period" type="month" placeholder="2026-11" required/>
                    </div>
                </div>
                <div class="field">
                    <label for="upload-file">{tr!("commission-file")}</label>
                    <input id="upload-file" name="statement" type="file" accept=".csv,text/csv" required/>
                </div>
                <button type="submit" class="primary" disabled=!o.can_upload>{tr!("commission-upload")}</button>
            </form>
        </section>
    }
}
