//! A sales unit's history as a table, for the partner's and the customer's pages alike.
use crate::components::{DataTable, EmptyState};
use crate::features::sales_units::dto::{HistoryEntry, HistoryKind};
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;

/// What an entry did, in the reader's words.
fn what(e: &HistoryEntry) -> String {
    let product = e.product.clone().unwrap_or_default();
    let old = e.old_value.clone().unwrap_or_default();
    let new = e.new_value.clone().unwrap_or_default();
    match e.kind {
        HistoryKind::Activated => {
            tr!("unit-history-activated", { "product" => product, "version" => new })
        }
        HistoryKind::Upgraded => {
            tr!("unit-history-upgraded", { "product" => product, "from" => old, "to" => new })
        }
        HistoryKind::Deactivated => tr!("unit-history-deactivated", { "product" => product }),
        HistoryKind::Renamed => tr!("unit-history-renamed", { "from" => old, "to" => new }),
        HistoryKind::LogoChanged => tr!("unit-history-logo-changed"),
        HistoryKind::KeptVersion => {
            tr!("unit-history-kept-version", { "product" => product, "current" => old, "offered" => new })
        }
        HistoryKind::PricePackageChanged => {
            let or_none =
                |v: &Option<String>| v.clone().unwrap_or_else(|| tr!("price-package-none"));
            tr!("unit-history-price-package-changed", { "from" => or_none(&e.old_value), "to" => or_none(&e.new_value) })
        }
    }
}

/// The history, newest first, or what it means that there is none.
#[component]
pub fn HistoryTable(entries: Vec<HistoryEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <EmptyState text=tr!("unit-history-none")/> }.into_any();
    }
    view! {
        <DataTable label=tr!("unit-history-title") headers=vec![{tr!("unit-history-when")}, {tr!("unit-history-what")}, {tr!("unit-history-who")}]>
            {entries.into_iter().map(|e| view! {
                <tr>
                    <td>{e.at.date_time(lang())}</td>
                    <td>{what(&e)}</td>
                    <td>{e.who.clone()}
                        {e.acting_as.clone().map(|o| view! { <br/><span class="muted">{tr!("unit-history-acting-as", { "organization" => o })}</span> })}</td>
                </tr>
            }).collect_view()}
        </DataTable>
    }
    .into_any()
}
