//! `/o/:org/products/:id/keys`: the page "Create access key" answers with, in the app's shell
//! like every page: the new secret, shown once (never in a URL, never stored: `no-store`), or
//! why no key was made. Opened again, it only says that the secret was shown once.
use super::ProductTab;
use crate::components::{id_param, org_param, Alert, CopyField, Loading, PageHeader, Success};
use crate::features::products::api::shown_access_key;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;

/// `/o/:org/products/:id/keys`.
#[component]
pub fn NewKeyPage() -> impl IntoView {
    let org = org_param();
    let id = id_param("id");
    let shown = Resource::new_blocking(|| (), |_| shown_access_key());
    let back = move || {
        format!(
            "{}{}",
            paths::product(org.get(), id.get()),
            ProductTab::Credentials.suffix()
        )
    };
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let body = match shown.await {
                    Ok(Some(k)) => view! {
                        <PageHeader title=tr!("credentials-key-n", { "n" => k.slot })/>
                        <Success text=tr!("credentials-created-n", { "n" => k.slot })/>
                        <div class="notice warn" role="alert"><strong>{tr!("credentials-copy-now")}</strong>" "{tr!("credentials-shown-once")}</div>
                        <div class="field">
                            <label for="client-id">{tr!("credentials-client-id")}</label>
                            <CopyField id="client-id" label=tr!("credentials-client-id") value=k.client_id/>
                        </div>
                        <div class="field">
                            <label for="secret">{tr!("credentials-secret-of", { "n" => k.slot })}</label>
                            <CopyField id="secret" label=tr!("credentials-secret-of", { "n" => k.slot }) value=k.secret/>
                        </div>
                    }.into_any(),
                    Ok(None) => view! {
                        <PageHeader title=tr!("credentials-access-keys")/>
                        <p>{tr!("credentials-shown-before")}</p>
                    }.into_any(),
                    Err(e) => view! {
                        <PageHeader title=tr!("credentials-not-created")/>
                        <Alert text=e.message(crate::i18n::lang())/>
                    }.into_any(),
                };
                view! {
                    {body}
                    // A whole page load (not the router's): the secret, which this page's document
                    // carries, is gone from the browser once the partner leaves.
                    <p><a href=back() rel="external">{tr!("credentials-back")}</a></p>
                }.into_any()
            })}
        </Suspense>
    }
}
