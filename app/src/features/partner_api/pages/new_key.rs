//! `/o/:org/api-keys/new`: the page "Create API key" answers with, in the app's shell like
//! every page: the new key's ID and secret, shown once (never in a URL, never stored:
//! `no-store`), or why no key was made. Opened again, it only says that the secret was shown.
use crate::components::{org_param, Alert, CopyField, Loading, PageHeader, Success};
use crate::features::partner_api::api::shown_partner_key;
use leptos::prelude::*;
use leptos_fluent::tr;

/// `/o/:org/api-keys/new`.
#[component]
pub fn NewApiKeyPage() -> impl IntoView {
    let org = org_param();
    let shown = Resource::new_blocking(|| (), |_| shown_partner_key());
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let body = match shown.await {
                    Ok(Some(k)) => view! {
                        <PageHeader title=tr!("api-keys-key-n", { "n" => k.slot })/>
                        <Success text=tr!("api-keys-created-n", { "n" => k.slot })/>
                        <div class="notice warn" role="alert"><strong>{tr!("credentials-copy-now")}</strong>" "{tr!("credentials-shown-once")}</div>
                        <div class="field">
                            <label for="key-id">{tr!("api-keys-key-id")}</label>
                            <CopyField id="key-id" label=tr!("api-keys-key-id") value=k.key_id/>
                        </div>
                        <div class="field">
                            <label for="secret">{tr!("api-keys-secret-of", { "n" => k.slot })}</label>
                            <CopyField id="secret" label=tr!("api-keys-secret-of", { "n" => k.slot }) value=k.secret/>
                        </div>
                    }.into_any(),
                    Ok(None) => view! {
                        <PageHeader title=tr!("nav-api-keys")/>
                        <p>{tr!("api-keys-shown-before")}</p>
                    }.into_any(),
                    Err(e) => view! {
                        <PageHeader title=tr!("api-keys-not-created")/>
                        <Alert text=e.message(crate::i18n::lang())/>
                    }.into_any(),
                };
                view! {
                    {body}
                    // A whole page load (not the router's): the secret, which this page's document
                    // carries, is gone from the browser once the partner leaves.
                    <p><a href=move || format!("/o/{}/api-keys", org.get()) rel="external">{tr!("api-keys-back")}</a></p>
                }.into_any()
            })}
        </Suspense>
    }
}
