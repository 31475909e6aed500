//! The product page's credentials: the client ID, "Access key 1" and "Access key 2".
use crate::components::{Confirmed, CopyField, DataTable, EmptyState};
use crate::features::products::api::RevokeAccessKey;
use crate::features::products::dto::CredentialsDto;
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;

/// The client ID, "Access key 1" and "Access key 2", and how to call the platform.
#[component]
pub fn Credentials(
    c: CredentialsDto,
    org: i32,
    product_id: i32,
    revoke: ServerAction<RevokeAccessKey>,
) -> impl IntoView {
    let active = c.keys.iter().filter(|k| k.revoked_at.is_none()).count();
    let can_manage = c.can_manage;
    let example = format!(
        "curl -u {}:YOUR_SECRET -H 'Content-Type: application/json' \\\n  -d '{{\"installation_id\": \"MSVPAR\", \"function\": \"estates.read\"}}' \\\n  https://your-portico/api/v1/access-checks",
        c.client_id
    );
    view! {
        <div class="card">
            <dl class="facts">
                <dt>{tr!("credentials-client-id")}</dt>
                <dd><CopyField id="client-id" label=tr!("credentials-client-id") value=c.client_id.clone()/></dd>
            </dl>
            {if c.keys.is_empty() {
                view! { <EmptyState text=tr!("credentials-none")/> }.into_any()
            } else {
                view! {
                    <DataTable label=tr!("credentials-access-keys") headers=vec![tr!("credentials-key"), tr!("credentials-created"), tr!("credentials-last-used"), tr!("status"), String::new()]>
                            {c.keys.clone().into_iter().map(|k| {
                                let name = tr!("credentials-key-n", { "n" => k.slot });
                                let (key_id, revocable) = (k.id, can_manage && k.revoked_at.is_none());
                                // Copy: the confirmed form is built anew each time it is asked for.
                                let revoke_label = StoredValue::new(tr!("credentials-revoke-what", { "name" => name.clone() }));
                                view! {
                                    <tr>
                                        <td>{name.clone()}</td>
                                        <td>{k.created_at.date_time(lang())}</td>
                                        <td>{k.last_used_at.map(|t| t.date_time(lang())).unwrap_or_else(|| tr!("users-never"))}</td>
                                        <td>{match k.revoked_at { Some(t) => tr!("credentials-revoked-at", { "at" => t.date_time(lang()) }), None => tr!("active-status-active") }}</td>
                                        <td class="row-actions">
                                            {revocable.then(|| view! {
                                                <Confirmed key=format!("revoke-{key_id}") label=tr!("credentials-revoke") done=revoke.version()
                                                    describe=revoke_label.get_value()
                                                    warning=tr!("credentials-confirm-revoke", { "name" => name.clone() })>
                                                    <ActionForm action=revoke attr:class="inline">
                                                        <input type="hidden" name="org_id" value=org/>
                                                        <input type="hidden" name="product_id" value=product_id/>
                                                        <input type="hidden" name="key_id" value=key_id/>
                                                        <button type="submit" class="danger" aria-label=revoke_label.get_value()>{tr!("credentials-revoke")}</button>
                                                    </ActionForm>
                                                </Confirmed>
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
            {if !c.can_manage {
                view! { <p class="muted">{tr!("credentials-only-admins")}</p> }.into_any()
            } else if active >= 2 {
                view! { <p class="muted">{tr!("credentials-both-active")}</p> }.into_any()
            } else {
                view! {
                    <form method="post" action=format!("/o/{org}/products/{product_id}/keys")>
                        <button type="submit" class="primary">{tr!("credentials-create")}</button>
                    </form>
                }.into_any()
            }}
            <h3>{tr!("credentials-how-title")}</h3>
            <p class="muted">{tr!("credentials-how")}</p>
            <pre class="example">{example}</pre>
        </div>
    }
}
