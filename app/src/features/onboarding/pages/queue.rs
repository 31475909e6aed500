//! `/o/:org/access-requests`: the operator's queue of confirmed access requests, by status
//! (waiting, approved, declined), newest first; its admins approve or decline each waiting one.
use crate::components::{
    loaded, org_param, query_string, Badge, EmptyState, FormResult, PageHeader, Submit,
};
use crate::features::onboarding::api::{
    list_access_requests, ApproveAccessRequest, DeclineAccessRequest,
};
use crate::features::onboarding::dto::{
    AccessQueuePage, AccessRequestKind, AccessRequestRow, AccessRequestStatus, MESSAGE_MAX,
};
use crate::glossary::Role;
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_router::hooks::use_query_map;

/// The statuses the queue shows, in its tabs' order.
const SHOWN: [AccessRequestStatus; 3] = [
    AccessRequestStatus::New,
    AccessRequestStatus::Approved,
    AccessRequestStatus::Declined,
];

/// `/o/:org/access-requests`.
#[component]
pub fn AccessRequestsPage() -> impl IntoView {
    let org = org_param();
    let params = use_query_map();
    let status = Memo::new(move |_| params.read().get("status").unwrap_or_default());
    let cursor = Memo::new(move |_| params.read().get("cursor").unwrap_or_default());
    let approve = ServerAction::<ApproveAccessRequest>::new();
    let decline = ServerAction::<DeclineAccessRequest>::new();
    let page = Resource::new(
        move || {
            (
                org.get(),
                status.get(),
                cursor.get(),
                approve.version().get(),
                decline.version().get(),
            )
        },
        |(o, s, c, ..)| list_access_requests(o, s, c),
    );
    view! {
        {loaded(page, move |page: AccessQueuePage| {
            let base = paths::access_requests(org.get());
            let shown = status.get();
            let shown = SHOWN.into_iter().find(|s| s.as_str() == shown).unwrap_or(AccessRequestStatus::New);
            let here = |cursor: &str| format!("{base}{}", query_string(&[("status", shown.as_str()), ("cursor", cursor)]));
            let first = (!cursor.get().is_empty()).then(|| here(""));
            let next = page.next_cursor.as_deref().map(here);
            let subtitle = tr!("access-requests-waiting", { "count" => page.waiting });
            view! {
                <PageHeader title=tr!("nav-access-requests") subtitle=subtitle/>
                <nav class="tabs" aria-label=tr!("access-requests-statuses")>
                    <ul>
                        {SHOWN.into_iter().map(|s| view! {
                            <li><a href=format!("{base}?status={}", s.as_str()) aria-current=(s == shown).then_some("page")>{s.label(lang())}</a></li>
                        }).collect_view()}
                    </ul>
                </nav>
                <FormResult value=approve.value() success=Callback::new(|_| tr!("access-request-approved"))/>
                <FormResult value=decline.value() success=Callback::new(|_| tr!("access-request-declined"))/>
                {if page.rows.is_empty() {
                    let text = if shown == AccessRequestStatus::New { tr!("access-requests-none-waiting") } else { tr!("access-requests-none") };
                    view! { <EmptyState text=text/> }.into_any()
                } else {
                    let can_decide = page.can_decide;
                    page.rows.into_iter().map(|r| view! {
                        <Request r=r org=org.get() can_decide=can_decide approve=approve decline=decline/>
                    }).collect_view().into_any()
                }}
                {(first.is_some() || next.is_some()).then(|| view! {
                    <nav class="pager" aria-label=tr!("access-requests-pages")>
                        {first.map(|h| view! { <a href=h>{tr!("audit-newest")}</a> })}
                        {next.map(|h| view! { <a href=h>{tr!("audit-older")}</a> })}
                    </nav>
                })}
            }
        })}
    }
}

/// One request: who asked for what, and (waiting) the admins' decision forms or (decided) the
/// decision.
#[component]
fn Request(
    r: AccessRequestRow,
    org: i32,
    can_decide: bool,
    approve: ServerAction<ApproveAccessRequest>,
    decline: ServerAction<DeclineAccessRequest>,
) -> impl IntoView {
    let heading = format!("request-{}", r.id);
    let labelled_by = heading.clone();
    let waiting = r.status == AccessRequestStatus::New;
    let decided = r.decided_at.map(|at| {
        tr!("access-request-decided-by", { "who" => r.decided_by.clone().unwrap_or_default(), "at" => at.date_time(lang()) })
    });
    view! {
        <article class="card access-request" aria-labelledby=labelled_by>
            <h2 id=heading>{r.organization_name.clone()}" "<Badge text=r.kind.label(lang()) tone=match r.kind { AccessRequestKind::Partner => "partner", AccessRequestKind::Join => "" }/></h2>
            <dl class="facts">
                <dt>{tr!("access-request-name")}</dt><dd>{r.contact_name.clone()}" · "<a href=format!("mailto:{}", r.email)>{r.email.clone()}</a></dd>
                {r.business_id.clone().map(|b| view! { <dt>{tr!("business-identifier")}</dt><dd>{b}</dd> })}
                {r.confirmed_at.map(|at| view! { <dt>{tr!("access-request-received")}</dt><dd>{at.date_time(lang())}</dd> })}
            </dl>
            {(!r.message.is_empty()).then(|| view! { <blockquote class="message">{r.message.clone()}</blockquote> })}
            {decided.map(|d| view! { <p class="muted">{d}</p> })}
            {r.decision_message.clone().map(|m| view! { <blockquote class="message">{m}</blockquote> })}
            {r.organization.clone().map(|(name, link)| view! { <p><a href=link>{name}</a></p> })}
            {(waiting && can_decide).then(|| view! { <Decide r=r.clone() org=org approve=approve decline=decline/> })}
        </article>
    }
}

/// "Approve" (for a request to join: into which organization, as what) and "Decline" with a
/// message.
#[component]
fn Decide(
    r: AccessRequestRow,
    org: i32,
    approve: ServerAction<ApproveAccessRequest>,
    decline: ServerAction<DeclineAccessRequest>,
) -> impl IntoView {
    let id = r.id;
    let join = r.kind == AccessRequestKind::Join;
    let nothing_to_join = join && r.candidates.is_empty();
    let approve_label = match r.kind {
        AccessRequestKind::Partner => tr!("access-request-approve-partner"),
        AccessRequestKind::Join => tr!("access-request-approve-join"),
    };
    view! {
        <div class="actions">
            <ActionForm action=approve attr:class="inline">
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="id" value=id/>
                {join.then(|| view! {
                    <div class="field">
                        <label for=format!("join-{id}")>{tr!("access-request-join-org")}</label>
                        {if nothing_to_join {
                            view! { <p id=format!("join-{id}") class="field-hint">{tr!("access-request-no-match")}</p> }.into_any()
                        } else {
                            view! {
                                <select id=format!("join-{id}") name="join_org">
                                    {r.candidates.iter().map(|c| view! {
                                        <option value=c.id>{format!("{} ({})", c.name, c.kind.label(lang()))}</option>
                                    }).collect_view()}
                                </select>
                            }.into_any()
                        }}
                    </div>
                    <div class="field">
                        <label for=format!("role-{id}")>{tr!("role")}</label>
                        <select id=format!("role-{id}") name="role">
                            {Role::ALL.iter().rev().map(|role| view! { <option value=role.as_str()>{role.label(lang())}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                {(!nothing_to_join).then(|| view! {
                    <Submit label=approve_label busy=tr!("access-request-approving") pending=approve.pending()/>
                })}
            </ActionForm>
            <ActionForm action=decline attr:class="inline">
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="id" value=id/>
                <div class="field">
                    <label for=format!("decline-{id}")>{tr!("access-request-decline-message")}</label>
                    <textarea id=format!("decline-{id}") name="message" rows="2" maxlength=MESSAGE_MAX></textarea>
                </div>
                <Submit label=tr!("access-request-decline") busy=tr!("access-request-declining") pending=decline.pending() class="secondary"/>
            </ActionForm>
        </div>
    }
}
