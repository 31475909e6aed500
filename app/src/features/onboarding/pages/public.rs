//! The public side of "Request access" (Ny tilgang): the form, and the page its e-mailed link
//! opens. Both work without JavaScript (plain posts, the server redirects back).
use crate::business_id::Scheme;
use crate::components::{Alert, FormResult, LanguageSwitch, Loading, Submit};
use crate::features::onboarding::api::{
    preview_access_request, ConfirmAccessRequest, RequestAccess,
};
use crate::features::onboarding::dto::{AccessRequestKind, MESSAGE_MAX};
use crate::i18n::lang;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/request-access`: a company asks to become a partner, or a person to join an organization.
/// The answer is the same whoever is already here.
#[component]
pub fn RequestAccessPage() -> impl IntoView {
    let action = ServerAction::<RequestAccess>::new();
    let value = action.value();
    let query = use_query_map();
    let sent = move || matches!(value.get(), Some(Ok(_))) || query.read().get("sent").is_some();
    view! {
        <Title text=tr!("access-request-title")/>
        <main id="main" class="auth-page">
            <div class="card auth-card wide">
                <LanguageSwitch/>
                <p class="brand big">"Portico"</p>
                <h1>{tr!("access-request-title")}</h1>
                <Show
                    when=sent
                    fallback=move || view! {
                        <p class="muted">{tr!("access-request-intro")}</p>
                        <ActionForm action=action>
                            <fieldset class="field">
                                <legend>{tr!("access-request-kind")}</legend>
                                <div class="radio">
                                    <input type="radio" id="kind-partner" name="kind" value="partner" checked=true/>
                                    <label for="kind-partner">{AccessRequestKind::Partner.label(lang())}</label>
                                </div>
                                <div class="radio">
                                    <input type="radio" id="kind-join" name="kind" value="join"/>
                                    <label for="kind-join">{AccessRequestKind::Join.label(lang())}</label>
                                </div>
                            </fieldset>
                            <div class="field">
                                <label for="ar-org">{tr!("access-request-org")}</label>
                                <input id="ar-org" name="organization_name" type="text" autocomplete="organization" maxlength="200" aria-describedby="ar-org-hint"/>
                                <p id="ar-org-hint" class="field-hint">{tr!("access-request-org-hint")}</p>
                            </div>
                            <div class="field-row">
                                <div class="field">
                                    <label for="ar-scheme">{tr!("orgs-identifier-scheme")}</label>
                                    <select id="ar-scheme" name="business_id_scheme">
                                        <option value="">{tr!("business-scheme-none")}</option>
                                        {Scheme::ALL.into_iter().map(|s| view! {
                                            <option value=s.as_str() selected=s == Scheme::NoOrg>{crate::i18n::text(lang(), s.label_key())}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="field grow">
                                    <label for="ar-bid">{tr!("business-identifier")}</label>
                                    <input id="ar-bid" name="business_id" type="text" placeholder="923 609 016" aria-describedby="ar-bid-hint"/>
                                    <p id="ar-bid-hint" class="field-hint">{tr!("access-request-business-id-hint")}</p>
                                </div>
                            </div>
                            <div class="field-row">
                                <div class="field grow">
                                    <label for="ar-name">{tr!("access-request-name")}</label>
                                    <input id="ar-name" name="contact_name" type="text" autocomplete="name" maxlength="200"/>
                                </div>
                                <div class="field grow">
                                    <label for="ar-email">{tr!("sign-in-email")}</label>
                                    <input id="ar-email" name="email" type="text" inputmode="email" autocomplete="email" maxlength="254"/>
                                </div>
                            </div>
                            <div class="field">
                                <label for="ar-message">{tr!("access-request-message")}</label>
                                <textarea id="ar-message" name="message" rows="4" maxlength=MESSAGE_MAX aria-describedby="ar-message-hint"></textarea>
                                <p id="ar-message-hint" class="field-hint">{tr!("access-request-message-hint")}</p>
                            </div>
                            <FormResult value=value/>
                            <Submit label=tr!("access-request-send") busy=tr!("access-request-sending") pending=action.pending()/>
                        </ActionForm>
                    }
                >
                    <div role="status" class="notice">
                        <h2>{tr!("sign-in-sent-title")}</h2>
                        <p>{tr!("access-request-sent-text")}</p>
                    </div>
                </Show>
                <p><a href="/sign-in">{tr!("access-request-have-account")}</a></p>
            </div>
        </main>
    }
}

/// `/request-access/confirm?token=...`: what the link is for, and the button that confirms it
/// (following the link changes nothing: mail scanners follow links). `?done=1` after it.
#[component]
pub fn ConfirmAccessPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let done = move || query.read().get("done").is_some();
    let preview = Resource::new(token, preview_access_request);
    let action = ServerAction::<ConfirmAccessRequest>::new();
    view! {
        <Title text=tr!("access-request-confirm-title")/>
        <main id="main" class="auth-page">
            <div class="card auth-card">
                <p class="brand big">"Portico"</p>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        let preview = preview.await;
                        if done() || matches!(action.value().get(), Some(Ok(_))) {
                            return view! {
                                <h1>{tr!("access-request-confirmed-title")}</h1>
                                <div role="status" class="notice"><p>{tr!("access-request-confirmed-text")}</p></div>
                            }.into_any();
                        }
                        match preview {
                            Ok(p) => view! {
                                <h1>{tr!("access-request-confirm-title")}</h1>
                                <p>{match p.kind {
                                    AccessRequestKind::Partner => tr!("access-request-confirm-partner", { "org" => p.organization_name.clone() }),
                                    AccessRequestKind::Join => tr!("access-request-confirm-join", { "org" => p.organization_name.clone() }),
                                }}</p>
                                <p>{tr!("access-request-confirm-email", { "email" => p.email.clone() })}</p>
                                <ActionForm action=action>
                                    <input type="hidden" name="token" value=token/>
                                    <FormResult value=action.value()/>
                                    <button type="submit" class="primary">{tr!("access-request-confirm")}</button>
                                </ActionForm>
                            }.into_any(),
                            Err(e) => view! {
                                <h1>{tr!("confirm-link-invalid")}</h1>
                                <Alert text=e.message(lang())/>
                                <p><a href="/request-access">{tr!("access-request-again")}</a></p>
                            }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
        </main>
    }
}
