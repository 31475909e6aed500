//! Passwordless sign-in: ask for a link, then confirm it with a POST.
use crate::components::{Alert, FormResult, LanguageSwitch, Loading};
use crate::features::accounts::api::{preview_link, ConfirmSignIn, RequestSignIn};
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// "Sign in": asks for an e-mail address and always answers the same way.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<RequestSignIn>::new();
    let value = action.value();
    let query = use_query_map();
    // Without JavaScript the form posts and the server redirects here with `?sent=1`.
    let sent = move || matches!(value.get(), Some(Ok(_))) || query.read().get("sent").is_some();
    let error = move || matches!(value.get(), Some(Err(_)));
    // The page a signed-out deep link asked for; the e-mailed link continues there.
    let next = move || query.read().get("next");
    view! {
        <Title text=tr!("sign-in")/>
        <main id="main" class="auth-page">
            <div class="card auth-card">
                <LanguageSwitch/>
                <p class="brand big">"Portico"</p>
                <h1>{tr!("sign-in")}</h1>
                <Show
                    when=sent
                    fallback=move || view! {
                        <p class="muted">{tr!("sign-in-intro")}</p>
                        <ActionForm action=action>
                            {move || next().map(|n| view! { <input type="hidden" name="next" value=n/> })}
                            <div class="field">
                                <label for="email">{tr!("sign-in-email")}</label>
                                <input id="email" name="email" type="text" inputmode="email" autocomplete="email"
                                    autofocus=true aria-invalid=move || error().then_some("true")
                                    aria-describedby="email-error"/>
                                <div id="email-error"><FormResult value=value/></div>
                            </div>
                            <button type="submit" class="primary" disabled=move || action.pending().get()>{tr!("sign-in")}</button>
                        </ActionForm>
                        <p class="muted">{tr!("sign-in-no-account")}" "<a href="/request-access">{tr!("access-request-title")}</a></p>
                    }
                >
                    <div role="status" class="notice">
                        <h2>{tr!("sign-in-sent-title")}</h2>
                        <p>{tr!("sign-in-sent-text")}</p>
                    </div>
                    <p><a href="/sign-in">{tr!("sign-in-other-address")}</a></p>
                </Show>
            </div>
        </main>
    }
}

/// The page an e-mailed link opens. Following the link changes nothing (mail scanners follow
/// links); the button's POST signs in.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let next = move || query.read().get("next");
    let preview = Resource::new(token, preview_link);
    let action = ServerAction::<ConfirmSignIn>::new();
    view! {
        <Title text=tr!("confirm-title")/>
        <main id="main" class="auth-page">
            <div class="card auth-card">
                <p class="brand big">"Portico"</p>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        match preview.await {
                            Ok(p) => view! {
                                <h1>{if p.organization_name.is_some() { tr!("confirm-invitation-title") } else { tr!("confirm-title") }}</h1>
                                {p.organization_name.clone().map(|o| view! { <p>{tr!("confirm-invited-to")}" "<strong>{o}</strong>"."</p> })}
                                <p>{tr!("confirm-sign-in-as")}" "<strong>{p.email.clone()}</strong>"."</p>
                                <ActionForm action=action>
                                    <input type="hidden" name="token" value=token/>
                                    {next().map(|n| view! { <input type="hidden" name="next" value=n/> })}
                                    <FormResult value=action.value()/>
                                    <button type="submit" class="primary">{tr!("sign-in")}</button>
                                </ActionForm>
                            }.into_any(),
                            Err(e) => view! {
                                <h1>{tr!("confirm-link-invalid")}</h1>
                                <Alert text=e.message(lang())/>
                                <p><a href="/sign-in">{tr!("confirm-new-link")}</a></p>
                            }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
        </main>
    }
}
