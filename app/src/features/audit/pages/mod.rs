//! `/o/:org/audit-log`: who did what, when, from where, for the organization's admins; filtered
//! by person, action, object and days, 50 a page newest first, and downloaded as CSV (a GET form
//! and links, so it works without JavaScript).
use crate::components::{loaded, org_param, query_string, DataTable, EmptyState, PageHeader};
use crate::features::audit::api::list_audit_log;
use crate::features::audit::dto::{AuditPage, AuditQuery, AuditRow};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
#[allow(unused_imports)] // The route group returns it, unless components are erased.
use leptos_router::{components::Route, hooks::use_query_map, path, MatchNestedRoutes, SsrMode};

/// The audit log's route.
#[component(transparent)]
pub fn AuditRoutes() -> impl MatchNestedRoutes + Clone {
    view! { <Route path=path!("audit-log") view=AuditLogPage ssr=SsrMode::Async/> }.into_inner()
}

/// The query's filters as `?...`, starting at `cursor`.
fn query_of(q: &AuditQuery, cursor: &str) -> String {
    query_string(&[
        ("person", &q.person),
        ("action", &q.action),
        ("object", &q.object),
        ("from", &q.from),
        ("to", &q.to),
        ("cursor", cursor),
    ])
}

/// `/o/:org/audit-log`.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let org = org_param();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let p = params.read();
        AuditQuery {
            person: p.get("person").unwrap_or_default(),
            action: p.get("action").unwrap_or_default(),
            object: p.get("object").unwrap_or_default(),
            from: p.get("from").unwrap_or_default(),
            to: p.get("to").unwrap_or_default(),
            cursor: p.get("cursor").unwrap_or_default(),
        }
    });
    let page = Resource::new(
        move || (org.get(), query.get()),
        |(o, q)| list_audit_log(o, q),
    );
    view! {
        <PageHeader title=tr!("nav-audit-log")/>
        <Filters query=query org=org/>
        {loaded(page, move |page: AuditPage| {
            let q = query.get();
            let subtitle = if page.everything {
                tr!("audit-subtitle-operator")
            } else {
                tr!("audit-subtitle-org", { "org" => page.organization_name.clone() })
            };
            let base = paths::audit_log(org.get());
            let here = |cursor: &str| format!("{base}{}", query_of(&q, cursor));
            let first = (!q.cursor.is_empty()).then(|| here(""));
            let next = page.next_cursor.as_deref().map(here);
            let filtered = q != AuditQuery { cursor: q.cursor.clone(), ..Default::default() };
            let csv = format!("{base}.csv{}", query_of(&q, ""));
            view! {
                <p class="muted">{subtitle}</p>
                <p><a href=csv download="">{tr!("audit-download")}</a></p>
                {if page.rows.is_empty() {
                    let text = if filtered { tr!("audit-none-match") } else { tr!("audit-none") };
                    view! { <EmptyState text=text/> }.into_any()
                } else {
                    view! {
                        <DataTable label=tr!("nav-audit-log") headers=vec![tr!("audit-when"), tr!("audit-person"), tr!("audit-acting-as"), tr!("audit-action"), tr!("audit-object"), tr!("audit-about"), tr!("audit-address")]>
                            {page.rows.into_iter().map(|r| view! { <Row r=r/> }).collect_view()}
                        </DataTable>
                    }.into_any()
                }}
                {(first.is_some() || next.is_some()).then(|| view! {
                    <nav class="pager" aria-label=tr!("audit-pages")>
                        {first.map(|h| view! { <a href=h>{tr!("audit-newest")}</a> })}
                        {next.map(|h| view! { <a href=h>{tr!("audit-older")}</a> })}
                    </nav>
                })}
            }
        })}
    }
}

/// The filter form (a GET form: the filters are the page's address).
#[component]
fn Filters(query: Memo<AuditQuery>, org: Memo<i32>) -> impl IntoView {
    let q = query.get_untracked();
    let field = |id: &'static str, label: String, value: String, kind: &'static str| {
        view! {
            <div class="field">
                <label for=format!("audit-{id}")>{label}</label>
                <input id=format!("audit-{id}") name=id type=kind value=value maxlength="200"/>
            </div>
        }
    };
    view! {
        <form method="get" action=move || paths::audit_log(org.get()) class="filters" role="search" aria-label=tr!("audit-filter-label")>
            {field("person", tr!("audit-person"), q.person.clone(), "search")}
            {field("action", tr!("audit-action"), q.action.clone(), "search")}
            {field("object", tr!("audit-object"), q.object.clone(), "search")}
            {field("from", tr!("audit-from"), q.from.clone(), "date")}
            {field("to", tr!("audit-to"), q.to.clone(), "date")}
            <button type="submit" class="secondary">{tr!("filter")}</button>
        </form>
    }
}

#[component]
fn Row(r: AuditRow) -> impl IntoView {
    let object = if r.details.is_empty() {
        r.target.clone()
    } else {
        format!("{} ({})", r.target, r.details)
    };
    view! {
        <tr>
            <td>{r.at.date_time_seconds(lang())}</td>
            <td>{r.actor}</td>
            <td>{r.acting_as.unwrap_or_default()}</td>
            <td><code>{r.action}</code></td>
            <td>{object}</td>
            <td>{match (r.about, r.about_link) {
                (Some(name), Some(link)) => view! { <a href=link>{name}</a> }.into_any(),
                (name, _) => name.unwrap_or_default().into_any(),
            }}</td>
            <td>{r.ip.unwrap_or_default()}</td>
        </tr>
    }
}
