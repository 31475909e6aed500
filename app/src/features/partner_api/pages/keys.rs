//! `/o/:org/api-keys`: the partner's "API key 1" and "API key 2" for the Partner API, how to
//! call it, and a link to the API reference.
use crate::components::{loaded, org_param, Confirmed, DataTable, EmptyState, PageHeader};
use crate::features::partner_api::api::{get_partner_keys, RevokePartnerKey};
use crate::features::partner_api::dto::{KeyAccess, PartnerKeyDto, PartnerKeysView};
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;

/// One key's row, with "Revoke" for admins while it is active.
#[component]
fn KeyRow(
    k: PartnerKeyDto,
    org: i32,
    manage: bool,
    revoke: ServerAction<RevokePartnerKey>,
) -> impl IntoView {
    let name = tr!("api-keys-key-n", { "n" => k.slot });
    let (id, revocable) = (k.id, manage && k.revoked_at.is_none());
    let revoke_label = StoredValue::new(tr!("credentials-revoke-what", { "name" => name.clone() }));
    let status = match k.revoked_at {
        Some(t) => tr!("credentials-revoked-at", { "at" => t.date_time(lang()) }),
        None => tr!("active-status-active"),
    };
    view! {
        <tr>
            <td>{name.clone()}</td>
            <td><code>{k.key_id.clone()}</code></td>
            <td>{k.access.label(lang())}</td>
            <td>{k.created_at.date_time(lang())}" · "{k.created_by.clone()}</td>
            <td>{k.last_used_at.map(|t| t.date_time(lang())).unwrap_or_else(|| tr!("users-never"))}</td>
            <td>{status}</td>
            <td class="row-actions">
                {revocable.then(|| view! {
                    <Confirmed key=format!("revoke-{id}") label=tr!("credentials-revoke") done=revoke.version()
                        describe=revoke_label.get_value()
                        warning=tr!("api-keys-confirm-revoke", { "name" => name.clone() })>
                        <ActionForm action=revoke attr:class="inline">
                            <input type="hidden" name="org_id" value=org/>
                            <input type="hidden" name="key_id" value=id/>
                            <button type="submit" class="danger" aria-label=revoke_label.get_value()>{tr!("credentials-revoke")}</button>
                        </ActionForm>
                    </Confirmed>
                })}
            </td>
        </tr>
    }
}

/// "Create API key" with its access, or why it cannot be created now.
#[component]
fn CreateKey(org: i32, view: PartnerKeysView) -> impl IntoView {
    let active = view.keys.iter().filter(|k| k.revoked_at.is_none()).count();
    if !view.can_manage {
        return view! { <p class="muted">{tr!("api-keys-only-admins")}</p> }.into_any();
    }
    if active >= 2 {
        return view! { <p class="muted">{tr!("api-keys-both-active")}</p> }.into_any();
    }
    view! {
        <form method="post" action=format!("/o/{org}/api-keys/new") class="inline-form">
            <div class="field">
                <label for="key-access">{tr!("api-keys-access")}</label>
                <select id="key-access" name="access">
                    {KeyAccess::ALL.iter().map(|a| view! {
                        <option value=a.as_str()>{a.label(lang())}</option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="primary">{tr!("api-keys-create")}</button>
        </form>
    }
    .into_any()
}

/// `/o/:org/api-keys`.
#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let org = org_param();
    let revoke = ServerAction::<RevokePartnerKey>::new();
    let keys = Resource::new(
        move || (org.get(), revoke.version().get()),
        |(o, _)| get_partner_keys(o),
    );
    let example = "curl -u pk_...:YOUR_SECRET https://your-portico/api/v1/partner/sales-units";
    view! {
        <PageHeader title=tr!("nav-api-keys") subtitle=tr!("api-keys-subtitle")/>
        {loaded(keys, move |v: PartnerKeysView| {
            let (o, manage) = (org.get(), v.can_manage);
            let rows = v.keys.clone();
            view! {
                <section class="card" aria-labelledby="keys-title">
                    <h2 id="keys-title">{tr!("api-keys-title")}</h2>
                    {if v.keys.is_empty() {
                        view! { <EmptyState text=tr!("api-keys-none")/> }.into_any()
                    } else {
                        let headers = vec![tr!("credentials-key"), tr!("api-keys-key-id"), tr!("api-keys-access"), tr!("credentials-created"), tr!("credentials-last-used"), tr!("status"), String::new()];
                        view! {
                            <DataTable label=tr!("api-keys-title") headers=headers>
                                {rows.into_iter().map(|k| view! { <KeyRow k=k org=o manage=manage revoke=revoke/> }).collect_view()}
                            </DataTable>
                        }.into_any()
                    }}
                    <CreateKey org=o view=v/>
                </section>
            }
        })}
        <section class="card" aria-labelledby="api-how-title">
            <h2 id="api-how-title">{tr!("api-keys-how-title")}</h2>
            <p class="muted">{tr!("api-keys-how")}</p>
            <pre class="example">{example}</pre>
            // Served by the server, not a page of the app: the browser loads it.
            <p><a href="/api/docs" rel="external">{tr!("api-keys-reference")}</a></p>
        </section>
    }
}
