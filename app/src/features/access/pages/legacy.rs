//! Legacy access: a partner's direct (installation, function) rights from before products.
use crate::components::{loaded, org_param, DataTable, EmptyState, FormResult, PageHeader};
use crate::features::access::api::{
    list_legacy_access, list_partner_legacy_grants, AddLegacyGrant, RemoveLegacyGrant,
};
use crate::features::access::dto::LegacyGrantDto;
use crate::features::products::dto::GrantFilters;
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;

fn filters_label(f: &GrantFilters) -> String {
    if f.is_empty() {
        return tr!("legacy-unrestricted");
    }
    f.iter()
        .map(|(k, v)| format!("{k}: {}", v.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The grants as a table; with `remove`, each row has a "Remove" button (the operator's view).
#[component]
pub fn LegacyGrantsTable(
    grants: Vec<LegacyGrantDto>,
    #[prop(into)] empty: String,
    #[prop(optional)] remove: Option<(i32, ServerAction<RemoveLegacyGrant>)>,
) -> impl IntoView {
    if grants.is_empty() {
        return view! { <EmptyState text=empty/> }.into_any();
    }
    let mut headers = vec![
        tr!("product-installation"),
        tr!("org-kind-customer"),
        tr!("legacy-function"),
        tr!("legacy-filters"),
        tr!("legacy-note"),
        tr!("legacy-since"),
    ];
    if remove.is_some() {
        headers.push(String::new());
    }
    view! {
        <DataTable label=tr!("legacy-grants") headers=headers>
                {grants.into_iter().map(|g| view! {
                    <tr>
                        <td><code>{g.installation_id.clone()}</code></td>
                        <td>{g.customer_name.clone()}</td>
                        <td><code>{g.function.clone()}</code>" "<span class="muted">{g.function_name.clone()}</span></td>
                        <td>{filters_label(&g.filters)}</td>
                        <td>{g.note.clone()}</td>
                        <td>{g.created_at.date(lang())}</td>
                        {remove.map(|(org, action)| view! {
                            <td>
                                <ActionForm action=action attr:class="inline">
                                    <input type="hidden" name="org_id" value=org/>
                                    <input type="hidden" name="grant_id" value=g.id/>
                                    <button type="submit" class="secondary"
                                        aria-label=tr!("legacy-remove-what", { "function" => g.function.clone(), "installation" => g.installation_id.clone() })>{tr!("users-remove")}</button>
                                </ActionForm>
                            </td>
                        })}
                    </tr>
                }).collect_view()}
        </DataTable>
    }
    .into_any()
}

/// The operator's "Legacy access" section on a partner's organization page (which the app
/// plugs into the accounts feature's page).
#[component]
pub fn OperatorLegacySection(org: i32, partner_id: i32) -> impl IntoView {
    let add = ServerAction::<AddLegacyGrant>::new();
    let remove = ServerAction::<RemoveLegacyGrant>::new();
    let grants = Resource::new(
        move || (org, partner_id, add.version().get(), remove.version().get()),
        |(o, p, ..)| list_partner_legacy_grants(o, p),
    );
    // Only a partner has legacy grants; for any other organization (or a refusal, which the
    // page itself shows) the section is left out.
    view! {
        <Transition>
            {move || Suspend::new(async move {
                grants.await.ok().map(|grants| view! { <LegacySection org=org partner_id=partner_id grants=grants add=add remove=remove/> })
            })}
        </Transition>
    }
}

#[component]
fn LegacySection(
    org: i32,
    partner_id: i32,
    grants: Vec<LegacyGrantDto>,
    add: ServerAction<AddLegacyGrant>,
    remove: ServerAction<RemoveLegacyGrant>,
) -> impl IntoView {
    view! {
        <section aria-labelledby="legacy-title">
            <h2 id="legacy-title">{tr!("nav-legacy-access")}</h2>
            <p class="muted">{tr!("legacy-operator-intro")}</p>
            <LegacyGrantsTable grants=grants empty=tr!("legacy-none") remove=(org, remove)/>
            <FormResult value=remove.value()/>
            <ActionForm action=add attr:class="card form-card">
                <input type="hidden" name="org_id" value=org/>
                <input type="hidden" name="partner_id" value=partner_id/>
                <div class="field-row">
                    <div class="field">
                        <label for="legacy-inst">{tr!("installation-id")}</label>
                        <input id="legacy-inst" name="installation_id" type="text" placeholder="MSVPAR" autocomplete="off"/>
                    </div>
                    <div class="field">
                        <label for="legacy-fn">{tr!("legacy-function")}</label>
                        <input id="legacy-fn" name="function" type="text" placeholder="estates.read" autocomplete="off"/>
                    </div>
                    <div class="field grow">
                        <label for="legacy-note">{tr!("legacy-note")}</label>
                        <input id="legacy-note" name="note" type="text" placeholder=tr!("legacy-note-placeholder") autocomplete="off"/>
                    </div>
                </div>
                <FormResult value=add.value() success=|_| tr!("legacy-added")/>
                <button type="submit" class="primary">{tr!("legacy-add")}</button>
            </ActionForm>
        </section>
    }
}

/// `/o/:org/legacy-access`: the partner's legacy grants.
#[component]
pub fn LegacyAccessPage() -> impl IntoView {
    let org = org_param();
    let list = Resource::new(move || org.get(), list_legacy_access);
    view! {
        <PageHeader title=tr!("nav-legacy-access")/>
        <p class="muted">{tr!("legacy-partner-intro")}</p>
        {loaded(list, |grants: Vec<LegacyGrantDto>| view! {
            <LegacyGrantsTable grants=grants empty=tr!("legacy-none-partner")/>
        })}
    }
}
