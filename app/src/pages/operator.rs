//! The operator's onboarding screens: organizations, their installations and contact persons.
use crate::api::{
    get_organization_detail, list_catalog, list_organizations, AddLegacyGrant, CreateInstallation,
    CreateOrganization, ImportCatalog, RemoveLegacyGrant, SetContactPerson, SetInstallationActive,
    SetOrganizationActive,
};
use crate::components::{id_param, org_param, Badge, ErrorView, FormResult, InstallationsTable};
use crate::dto::{ImportReport, OrgKind, OrganizationDetail};
use crate::pages::legacy::OperatorLegacySection;
use leptos::prelude::*;
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
        <Title text="Organizations"/>
        <header class="page-header"><h1>"Organizations"</h1></header>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let orgs = match list.await {
                    Ok(o) => o,
                    Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                };
                if orgs.is_empty() {
                    return view! { <p class="empty">"No partners or customers yet. Create the first one below."</p> }.into_any();
                }
                view! {
                    <table aria-label="Organizations">
                        <thead><tr>
                            <th scope="col">"Name"</th><th scope="col">"Kind"</th><th scope="col">"Business identifier"</th>
                            <th scope="col">"Members"</th><th scope="col">"Installations"</th><th scope="col">"Status"</th>
                        </tr></thead>
                        <tbody>
                            {orgs.into_iter().map(|o| view! {
                                <tr>
                                    <td><a href=format!("/o/{}/organizations/{}", org.get(), o.id)>{o.name.clone()}</a></td>
                                    <td><Badge text=o.kind.label() tone=o.kind.as_str()/></td>
                                    <td>{match (o.business_id_scheme.clone(), o.business_id.clone()) {
                                        (Some(s), Some(id)) => format!("{s} {id}"),
                                        _ => "—".into(),
                                    }}</td>
                                    <td>{o.member_count}</td>
                                    <td>{if o.kind == OrgKind::Customer { o.installation_count.to_string() } else { "—".into() }}</td>
                                    <td>{o.status.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            })}
        </Transition>
        <section class="card form-card" aria-labelledby="new-org-title">
            <h2 id="new-org-title">"New organization"</h2>
            <ActionForm action=create>
                <input type="hidden" name="org_id" value=move || org.get()/>
                <div class="field-row">
                    <div class="field">
                        <label for="org-kind">"Kind"</label>
                        <select id="org-kind" name="kind">
                            <option value="partner">"Partner"</option>
                            <option value="customer">"Customer"</option>
                        </select>
                    </div>
                    <div class="field grow">
                        <label for="org-name">"Name"</label>
                        <input id="org-name" name="name" type="text" autocomplete="off"/>
                    </div>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="org-scheme">"Identifier scheme"</label>
                        <input id="org-scheme" name="business_id_scheme" type="text" placeholder="NO:ORG"/>
                    </div>
                    <div class="field grow">
                        <label for="org-bid">"Business identifier"</label>
                        <input id="org-bid" name="business_id" type="text" placeholder="923609016"/>
                    </div>
                </div>
                <FormResult value=create.value()/>
                <button type="submit" class="primary">"Create organization"</button>
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
    let add_legacy = ServerAction::<AddLegacyGrant>::new();
    let remove_legacy = ServerAction::<RemoveLegacyGrant>::new();
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
                add_legacy.version().get(),
                remove_legacy.version().get(),
                status.org.version().get(),
                status.installation.version().get(),
            )
        },
        |(org, id, ..)| get_organization_detail(org, id),
    );
    let legacy = LegacyActions {
        add: add_legacy,
        remove: remove_legacy,
    };
    view! {
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(d) => view! { <Detail d=d org=org.get() add_inst=add_inst contact=contact legacy=legacy status=status/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Deactivate and reactivate, for the organization and its installations.
#[derive(Clone, Copy)]
struct StatusActions {
    org: ServerAction<SetOrganizationActive>,
    installation: ServerAction<SetInstallationActive>,
}

/// The actions of the operator's "Legacy access" section.
#[derive(Clone, Copy)]
struct LegacyActions {
    add: ServerAction<AddLegacyGrant>,
    remove: ServerAction<RemoveLegacyGrant>,
}

#[component]
fn Detail(
    d: OrganizationDetail,
    org: i32,
    add_inst: ServerAction<CreateInstallation>,
    contact: ServerAction<SetContactPerson>,
    legacy: LegacyActions,
    status: StatusActions,
) -> impl IntoView {
    let o = d.organization;
    let active = o.status == "active";
    let installations = d.installations.clone();
    let is_customer = o.kind == OrgKind::Customer;
    let is_partner = o.kind == OrgKind::Partner;
    let target = o.id;
    view! {
        <Title text=o.name.clone()/>
        <p><a href=format!("/o/{org}/organizations")>"← Organizations"</a></p>
        <header class="page-header">
            <h1>{o.name.clone()}</h1>
            <p><Badge text=o.kind.label() tone=o.kind.as_str()/>" "{o.status.clone()}</p>
        </header>
        {(o.kind != OrgKind::Operator).then(|| view! {
            <ActionForm action=status.org attr:class="inline">
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="target_id" value=target/>
                <input type="hidden" name="active" value=(!active).to_string()/>
                <button type="submit" class=if active { "danger" } else { "secondary" }>
                    {if active { "Deactivate organization" } else { "Reactivate organization" }}
                </button>
            </ActionForm>
            <p class="muted">{if active {
                "Deactivating keeps everything, but its members can no longer act as it, a customer's installations answer \"installation unknown\" and a partner's credentials are refused."
            } else {
                "Deactivated: nobody can act as it and the platform refuses its access."
            }}</p>
        })}
        <FormResult value=status.org.value()/>
        <section aria-labelledby="contact-title">
            <h2 id="contact-title">"Contact person and admins"</h2>
            {if d.admins.is_empty() {
                view! { <p class="empty">"No admin yet. Name the contact person below; they get an invitation by e-mail."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" aria-label="Admins">
                        {d.admins.iter().map(|a| view! {
                            <li>{a.email.clone()}" "<span class="muted">{a.last_sign_in_label()}</span></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ActionForm action=contact attr:class="card form-card">
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="target_id" value=target/>
                <div class="field">
                    <label for="contact-email">"Contact person's e-mail"</label>
                    <input id="contact-email" name="email" type="text" inputmode="email" autocomplete="off"/>
                </div>
                <FormResult value=contact.value() success=|e: String| format!("Invitation sent to {e}.")/>
                <button type="submit" class="primary">"Invite contact person"</button>
            </ActionForm>
        </section>
        {is_customer.then(move || view! {
            <section aria-labelledby="inst-title">
                <h2 id="inst-title">"Installations"</h2>
                <InstallationsTable
                    installations=d.installations.clone()
                    empty="No installations yet. Add the customer's first environment below."
                />
                {(!installations.is_empty()).then(move || view! {
                    <ul class="plain-list" aria-label="Installation status">
                        {installations.into_iter().map(|i| {
                            let on = i.status == "active";
                            let label = format!("{} {}", if on { "Deactivate" } else { "Reactivate" }, i.installation_id);
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
                            <label for="inst-id">"Installation ID"</label>
                            <input id="inst-id" name="installation_id" type="text" placeholder="MSVPAR" autocomplete="off"/>
                        </div>
                        <div class="field grow">
                            <label for="inst-name">"Installation name"</label>
                            <input id="inst-name" name="name" type="text" autocomplete="off"/>
                        </div>
                    </div>
                    <div class="field checkbox">
                        <input id="inst-sandbox" name="is_sandbox" type="checkbox" value="on"/>
                        <label for="inst-sandbox">"This is the partner sandbox"</label>
                    </div>
                    <FormResult value=add_inst.value()/>
                    <button type="submit" class="primary">"Add installation"</button>
                </ActionForm>
            </section>
        })}
        {is_partner.then(|| view! {
            <OperatorLegacySection org=org partner_id=target grants=d.legacy_grants add=legacy.add remove=legacy.remove/>
        })}
    }
}

/// `/o/:org/catalog`: the API function catalog by area, and "Import catalog".
#[component]
pub fn CatalogPage() -> impl IntoView {
    let org = org_param();
    let query = leptos_router::hooks::use_query_map();
    let import = ServerAction::<ImportCatalog>::new();
    let list = Resource::new(
        move || (org.get(), import.version().get()),
        |(o, _)| list_catalog(o),
    );
    view! {
        <Title text="Catalog"/>
        <header class="page-header"><h1>"API function catalog"</h1></header>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let functions = match list.await {
                    Ok(f) => f,
                    Err(e) => return view! { <ErrorView error=e/> }.into_any(),
                };
                if functions.is_empty() {
                    return view! { <p class="empty">"The catalog is empty. Import a catalog file below."</p> }.into_any();
                }
                let mut areas: Vec<(String, usize, usize)> = Vec::new();
                for f in &functions {
                    let push = usize::from(!f.push_event_types.is_empty());
                    match areas.iter_mut().find(|(a, ..)| *a == f.area) {
                        Some((_, n, p)) => { *n += 1; *p += push; }
                        None => areas.push((f.area.clone(), 1, push)),
                    }
                }
                let push_total: usize = areas.iter().map(|a| a.2).sum();
                view! {
                    <p class="muted">{format!("{} functions in {} areas; {} support push.", functions.len(), areas.len(), push_total)}</p>
                    <table aria-label="Areas">
                        <thead><tr><th scope="col">"Area"</th><th scope="col">"Functions"</th><th scope="col">"Push-capable"</th></tr></thead>
                        <tbody>
                            {areas.into_iter().map(|(a, n, p)| view! { <tr><td>{a}</td><td>{n}</td><td>{p}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            })}
        </Transition>
        {move || query.read().get("imported").map(|m| view! { <p class="form-success" role="status">{m}</p> })}
        {move || query.read().get("error").map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
        <section class="card form-card" aria-labelledby="upload-title">
            <h2 id="upload-title">"Upload catalog"</h2>
            <p class="muted">"A catalog file (JSON; the format is in the README). Functions are created or updated by key, all or nothing; functions missing from the file stay as they are."</p>
            <form method="post" action=move || format!("/o/{}/catalog/upload", org.get()) enctype="multipart/form-data" class="logo-form">
                <label for="catalog-file">"Catalog file"</label>
                <input id="catalog-file" type="file" name="catalog" accept="application/json,.json"/>
                <button type="submit" class="primary">"Upload catalog"</button>
            </form>
        </section>
        <section class="card form-card" aria-labelledby="import-title">
            <h2 id="import-title">"Or paste it"</h2>
            <ActionForm action=import>
                <input type="hidden" name="org_id" value=move || org.get()/>
                <div class="field">
                    <label for="catalog-json">"Catalog JSON"</label>
                    <textarea id="catalog-json" name="catalog" rows="10" spellcheck="false"></textarea>
                </div>
                <FormResult value=import.value() success=|r: ImportReport| format!("Imported: {} created, {} updated, {} unchanged.", r.created, r.updated, r.unchanged)/>
                <button type="submit" class="primary">"Import catalog"</button>
            </ActionForm>
        </section>
    }
}
