//! The product page's credentials: the client ID, "Access key 1" and "Access key 2".
use crate::components::{CopyField, DataTable, EmptyState};
use crate::features::products::api::RevokeAccessKey;
use crate::features::products::dto::CredentialsDto;
use leptos::prelude::*;

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
                <dt>"Client ID"</dt>
                <dd><CopyField id="client-id" label="Client ID" value=c.client_id.clone()/></dd>
            </dl>
            {if c.keys.is_empty() {
                view! { <EmptyState text="No access keys yet. Create access key 1; create key 2 when you rotate."/> }.into_any()
            } else {
                view! {
                    <DataTable label="Access keys" headers=vec!["Key", "Created", "Last used", "Status", ""]>
                            {c.keys.clone().into_iter().map(|k| {
                                let name = format!("Access key {}", k.slot);
                                let (key_id, revocable) = (k.id, can_manage && k.revoked_at.is_none());
                                view! {
                                    <tr>
                                        <td>{name.clone()}</td>
                                        <td>{k.created_at.clone()}</td>
                                        <td>{k.last_used_at.clone().unwrap_or_else(|| "Never".into())}</td>
                                        <td>{match &k.revoked_at { Some(t) => format!("Revoked {t}"), None => "Active".into() }}</td>
                                        <td class="row-actions">
                                            {revocable.then(|| view! {
                                                <ActionForm action=revoke attr:class="inline">
                                                    <input type="hidden" name="org_id" value=org/>
                                                    <input type="hidden" name="product_id" value=product_id/>
                                                    <input type="hidden" name="key_id" value=key_id/>
                                                    <button type="submit" class="danger" aria-label=format!("Revoke {name}")>"Revoke"</button>
                                                </ActionForm>
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
            {if !c.can_manage {
                view! { <p class="muted">"Only partner admins can create or revoke access keys."</p> }.into_any()
            } else if active >= 2 {
                view! { <p class="muted">"Both access keys are active. Revoke the old one after switching to the new one."</p> }.into_any()
            } else {
                view! {
                    <form method="post" action=format!("/o/{org}/products/{product_id}/keys")>
                        <button type="submit" class="primary">"Create access key"</button>
                    </form>
                }.into_any()
            }}
            <h3>"How to call the platform"</h3>
            <p class="muted">"Ask Portico before serving a call: HTTP Basic with the client ID and an access key's secret."</p>
            <pre class="example">{example}</pre>
        </div>
    }
}
