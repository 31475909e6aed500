//! The operator's onboarding screens: organizations, their installations and contact persons.
use super::InstallationsTable;
use crate::business_id::Scheme;
use crate::components::{
    id_param, loaded, org_param, Confirmed, DataTable, EmptyState, FormResult, PageHeader,
    StatusBadge,
};
use crate::features::accounts::api::{
    get_organization_detail, list_organizations, CreateInstallation, CreateOrganization,
    SetContactPerson, SetInstallationActive, SetOrganizationActive,
};
use crate::features::accounts::dto::{ActiveStatus, OrgKind, OrganizationDetail, OrganizationDto};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;

/// `/o/:org/organizations`: every partner and customer, and "New organization".
#[component]
pub fn OrganizationsPage() -> impl IntoView {
    let org = org_param();
    let create = ServerAction::<CreateOrganization>::new();
    let list = Resource::new(
        move || (org.get(), create.version().get()),
        |(org, _)| list_organizations(org),
    );
    view! {
        <PageHeader title=tr!("nav-organizations")/>
        {loaded(list, move |orgs: Vec<OrganizationDto>| {
                if orgs.is_empty() {
                    return view! { <EmptyState text=tr!("orgs-empty")/> }.into_any();
                }
                view! {
                    <DataTable label=tr!("nav-organizations") headers=vec![{tr!("name")}, {tr!("kind")}, {tr!("business-identifier")}, {tr!("members")}, {tr!("installations")}, {tr!("status")}]>
                            {orgs.into_iter().map(|o| view! {
                                <tr>
                                    <td><a href=paths::organization(org.get(), o.id)>{o.name.clone()}</a></td>
                                    <td><StatusBadge status=o.kind/></td>
                                    <td>{match (o.business_id_scheme.clone(), o.business_id.clone()) {
                                        (Some(s), Some(id)) => format!("{s} {id}"),
                                        _ => "—".into(),
                                    }}</td>
                                    <td>{o.member_count}</td>
                                    <td>{if o.kind == OrgKind::Customer { o.installation_count.to_string() } else { "—".into() }}</td>
                                    <td>{o.status.label(lang())}</td>
                                </tr>
                            }).collect_view()}
                    </DataTable>
                }
                .into_any()
        })}
        <section class="card form-card" aria-labelledby="new-org-title">
            <h2 id="new-org-title">{tr!("orgs-new")}</h2>
            <ActionForm action=create>
                <input type="hidden" name="org_id" value=move || org.get()/>
                <div class="field-row">
                    <div class="field">
                        <label for="org-kind">{tr!("kind")}</label>
                        <select id="org-kind" name="kind">
                            <option value="partner">{tr!("org-kind-partner")}</option>
                            <option value="customer">{tr!("org-kind-customer")}</option>
                        </select>
                    </div>
                    <div class="field grow">
                        <label for="org-name">{tr!("name")}</label>
                        <input id="org-name" name="name" type="text" autocomplete="off"/>
                    </div>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="org-scheme">{tr!("orgs-identifier-scheme")}</label>
                        <select id="org-scheme" name="business_id_scheme">
                            <option value="">{tr!("business-scheme-none")}</option>
                            {Scheme::ALL.into_iter().map(|s| view! {
                                <option value=s.as_str()>{crate::i18n::text(lang(), s.label_key())}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field grow">
                        <label for="org-bid">{tr!("business-identifier")}</label>
                        <input id="org-bid" name="business_id" type="text" placeholder="923 609 016"/>
                    </div>
                </div>
                <FormResult value=create.value()/>
                <button type="submit" class="primary">{tr!("orgs-create")}</button>
            </ActionForm>
        </section>
    }
}

/// `/o/:org/organizations/:id`: installations and contact person of one organization.
#[component]
pub fn OrganizationPage() -> impl IntoView {
    let org = org_param();
    let id = id_param("id");
    let add_inst = ServerAction::<CreateInstallation>::new();
    let contact = ServerAction::<SetContactPerson>::new();
    let status = StatusActions {
        org: ServerAction::new(),
        installation: ServerAction::new(),
    };
    let detail = Resource::new(
        move || {
            (
                org.get(),
                id.get(),
                add_inst.version().get(),
                contact.version().get(),
                status.org.version().get(),
                status.installation.version().get(),
            )
        },
        |(org, id, ..)| get_organization_detail(org, id),
    );
    view! {
        {loaded(detail, move |d: OrganizationDetail| view! {
            <Detail d=d org=org.get() add_inst=add_inst contact=contact status=status/>
        })}
        // Outside the Suspend above, so their resources are created in the same order on the
        // server and in the browser; each shows nothing where it does not apply.
        {use_context::<OrganizationSections>().map(|s| view! {
            {(s.customer)(org.get(), id.get())}
            {(s.partner)(org.get(), id.get())}
        })}
    }
}

/// Deactivate and reactivate, for the organization and its installations.
#[derive(Clone, Copy)]
struct StatusActions {
    org: ServerAction<SetOrganizationActive>,
    installation: ServerAction<SetInstallationActive>,
}

/// Sections of an organization's page that other features render (the app provides them as
/// context): `(operator org, organization) -> view`, showing nothing where they do not apply.
#[derive(Clone, Copy)]
pub struct OrganizationSections {
    /// The partner's legacy grants, with "Add legacy grant".
    pub partner: fn(i32, i32) -> AnyView,
    /// The price packages of the customer's installations.
    pub customer: fn(i32, i32) -> AnyView,
}

#[component]
fn Detail(
    d: OrganizationDetail,
    org: i32,
    add_inst: ServerAction<CreateInstallation>,
    contact: ServerAction<SetContactPerson>,
    status: StatusActions,
) -> impl IntoView {
    let o = d.organization;
    let active = o.status == ActiveStatus::Active;
    let installations = d.installations.clone();
    let is_customer = o.kind == OrgKind::Customer;
    let target = o.id;
    view! {
        <Title text=o.name.clone()/>
        <p><a href=format!("/o/{org}/organizations")>{tr!("orgs-back")}</a></p>
        <header class="page-header">
            <h1>{o.name.clone()}</h1>
            <p><StatusBadge status=o.kind/>" "{o.status.label(lang())}</p>
        </header>
        {(o.kind != OrgKind::Operator).then(|| {
            // One form sets the organization's status; deactivating asks first.
            let set_active = move |to: bool| view! {
                <ActionForm action=status.org attr:class="inline">
                    <input type="hidden" name="org_id" value=org/>
                    <input type="hidden" name="target_id" value=target/>
                    <input type="hidden" name="active" value=to.to_string()/>
                    <button type="submit" class=if to { "secondary" } else { "danger" }>
                        {if to { tr!("orgs-reactivate") } else { tr!("orgs-deactivate") }}
                    </button>
                </ActionForm>
            };
            view! {
            {if active {
                view! {
                    <Confirmed key="deactivate".to_owned() label=tr!("orgs-deactivate") done=status.org.version()
                        warning=tr!("orgs-confirm-deactivate", { "name" => o.name.clone() })>
                        {set_active(false)}
                    </Confirmed>
                }.into_any()
            } else {
                set_active(true).into_any()
            }}
            <p class="muted">{if active {
                {tr!("orgs-deactivate-explained")}
            } else {
                {tr!("orgs-deactivated-explained")}
            }}</p>
            }
        })}
        <FormResult value=status.org.value()/>
        <section aria-labelledby="contact-title">
            <h2 id="contact-title">{tr!("orgs-contact-title")}</h2>
            {if d.admins.is_empty() {
                view! { <EmptyState text=tr!("orgs-no-admin")/> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" aria-label=tr!("orgs-admins")>
                        {d.admins.iter().map(|a| view! {
                            <li>{a.email.clone()}" "<span class="muted">{a.last_sign_in_label(lang())}</span></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ActionForm action=contact attr:class="card form-card">
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="target_id" value=target/>
                <div class="field">
                    <label for="contact-email">{tr!("orgs-contact-email")}</label>
                    <input id="contact-email" name="email" type="text" inputmode="email" autocomplete="off"/>
                </div>
                <FormResult value=contact.value() success=|e: String| tr!("orgs-invitation-sent", { "email" => e })/>
                <button type="submit" class="primary">{tr!("orgs-invite-contact")}</button>
            </ActionForm>
        </section>
        {is_customer.then(move || view! {
            <section aria-labelledby="inst-title">
                <h2 id="inst-title">{tr!("installations")}</h2>
                <InstallationsTable
                    installations=d.installations.clone()
                    empty=tr!("orgs-no-installations")
                />
                {(!installations.is_empty()).then(move || view! {
                    <ul class="plain-list" aria-label=tr!("orgs-installation-status")>
                        {installations.into_iter().map(|i| {
                            let on = i.status == ActiveStatus::Active;
                            let id = i.installation_id.clone();
                            let label = if on { tr!("orgs-deactivate-installation", { "id" => id }) } else { tr!("orgs-reactivate-installation", { "id" => id }) };
                            view! {
                                <li>
                                    <ActionForm action=status.installation attr:class="inline">
                                        <input type="hidden" name="org_id" value=org/>
                                        <input type="hidden" name="installation" value=i.id/>
                                        <input type="hidden" name="active" value=(!on).to_string()/>
                                        <button type="submit" class="secondary">{label}</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                <FormResult value=status.installation.value()/>
                <ActionForm action=add_inst attr:class="card form-card">
                    <input type="hidden" name="org_id" value=org/>
                    <input type="hidden" name="customer_id" value=target/>
                    <div class="field-row">
                        <div class="field">
                            <label for="inst-id">{tr!("installation-id")}</label>
                            <input id="inst-id" name="installation_id" type="text" placeholder="MSVPAR" autocomplete="off"/>
                        </div>
                        <div class="field grow">
                            <label for="inst-name">{tr!("orgs-installation-name")}</label>
                            <input id="inst-name" name="name" type="text" autocomplete="off"/>
                        </div>
                    </div>
                    <div class="field checkbox">
                        <input id="inst-sandbox" name="is_sandbox" type="checkbox" value="on"/>
                        <label for="inst-sandbox">{tr!("orgs-is-sandbox")}</label>
                    </div>
                    <FormResult value=add_inst.value()/>
                    <button type="submit" class="primary">{tr!("orgs-add-installation")}</button>
                </ActionForm>
            </section>
        })}
    }
}
