//! `/profile`: the signed-in user's name (editable), e-mail, user ID (to give the operator's
//! staff or a partner manager), language, memberships and signed-in browsers.
use super::shell::{session_resource, signed_in, Header};
use crate::components::{Badge, CopyField, DataTable, ErrorView, FormResult, Loading, StatusBadge};
use crate::features::accounts::api::{
    get_profile, SaveProfileName, SignOutEverywhere, SignOutSession,
};
use crate::features::accounts::dto::{MembershipDto, ProfileDto, SignedInBrowser};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;

/// The profile page. Both resources are made here and awaited in the page's one Suspend
/// (a Suspend nested in another does not hydrate reliably).
#[component]
pub fn ProfilePage() -> impl IntoView {
    let session = session_resource();
    let rename = ServerAction::<SaveProfileName>::new();
    let end = ServerAction::<SignOutSession>::new();
    let profile = Resource::new(
        move || (rename.version().get(), end.version().get()),
        |_| get_profile(),
    );
    view! {
        <Title text=tr!("profile-title")/>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let s = match signed_in(session.await) {
                    Ok(s) => s,
                    Err(instead) => return instead,
                };
                let body = match profile.await {
                    Ok(p) => view! {
                        <Details p=p.clone() rename=rename/>
                        <Memberships memberships=s.memberships.clone()/>
                        <Browsers p=p end=end/>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                };
                view! {
                    <a class="skip-link" href="#main">{tr!("skip-to-content")}</a>
                    <Header session=s/>
                    <main id="main" class="content narrow">
                        <h1>{tr!("profile-title")}</h1>
                        {body}
                    </main>
                }
                .into_any()
            })}
        </Transition>
    }
}

/// Name, e-mail, user ID and language.
#[component]
fn Details(p: ProfileDto, rename: ServerAction<SaveProfileName>) -> impl IntoView {
    let language = p
        .language
        .map(|l| l.name().to_owned())
        .unwrap_or_else(|| tr!("profile-language-unset"));
    view! {
        <section class="card form-card" aria-labelledby="profile-details">
            <h2 id="profile-details">{tr!("profile-details")}</h2>
            <dl class="facts">
                <dt>{tr!("email")}</dt>
                <dd data-testid="profile-email">{p.email.clone()}</dd>
                <dt>{tr!("profile-language")}</dt>
                <dd>{language}<p class="field-hint">{tr!("profile-language-hint")}</p></dd>
            </dl>
            <div class="field profile-id">
                <label for="profile-user-id">{tr!("profile-user-id")}</label>
                <CopyField id="profile-user-id" label=tr!("profile-user-id") value=p.user_id.clone()/>
                <p class="field-hint">{tr!("profile-user-id-explained")}</p>
            </div>
            <ActionForm action=rename>
                <div class="field">
                    <label for="profile-name">{tr!("name")}</label>
                    <input id="profile-name" name="name" type="text" autocomplete="name"
                        maxlength="200" value=p.name.clone()/>
                </div>
                <FormResult value=rename.value() success=|_: String| tr!("profile-name-saved")/>
                <button type="submit" class="primary" disabled=move || rename.pending().get()>{tr!("profile-save-name")}</button>
            </ActionForm>
        </section>
    }
}

/// The organizations the user may act as, with their role in each.
#[component]
fn Memberships(memberships: Vec<MembershipDto>) -> impl IntoView {
    view! {
        <section aria-labelledby="profile-memberships">
            <h2 id="profile-memberships">{tr!("profile-memberships")}</h2>
            {if memberships.is_empty() {
                view! { <p class="empty">{tr!("choose-none")}</p> }.into_any()
            } else {
                view! {
                    <DataTable label=tr!("profile-memberships") headers=vec![tr!("profile-organization"), tr!("profile-kind"), tr!("role")]>
                        {memberships.into_iter().map(|m| view! {
                            <tr>
                                <td><a href=paths::org(m.organization_id)>{m.organization_name}</a></td>
                                <td><StatusBadge status=m.kind/></td>
                                <td><StatusBadge status=m.role/></td>
                            </tr>
                        }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
        </section>
    }
}

/// The browsers the user is signed in on, each with "Sign out", and "Sign out everywhere".
#[component]
fn Browsers(p: ProfileDto, end: ServerAction<SignOutSession>) -> impl IntoView {
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    let more = p.more_sessions;
    view! {
        <section aria-labelledby="profile-sessions">
            <h2 id="profile-sessions">{tr!("profile-sessions")}</h2>
            <p class="muted">{tr!("profile-sessions-explained")}</p>
            <FormResult value=end.value()/>
            <DataTable label=tr!("profile-sessions") headers=vec![tr!("profile-device"), tr!("profile-signed-in"), tr!("profile-last-active"), tr!("profile-address"), String::new()]>
                {p.sessions.into_iter().map(|b| view! { <BrowserRow b=b end=end/> }).collect_view()}
            </DataTable>
            {(more > 0).then(|| view! { <p class="muted">{tr!("profile-sessions-more", { "count" => more })}</p> })}
            <div class="actions">
                <ActionForm action=everywhere attr:class="inline">
                    <button type="submit" class="secondary" title=tr!("profile-sign-out-everywhere-title")>
                        {tr!("profile-sign-out-everywhere")}
                    </button>
                </ActionForm>
            </div>
        </section>
    }
}

#[component]
fn BrowserRow(b: SignedInBrowser, end: ServerAction<SignOutSession>) -> impl IntoView {
    let device = match (b.browser, b.system) {
        (Some(browser), Some(system)) => {
            tr!("profile-device-on", { "browser" => browser, "system" => system })
        }
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => tr!("profile-device-unknown"),
    };
    let label = tr!("profile-sign-out-device", { "device" => device.clone(), "at" => b.last_seen_at.date_time(lang()) });
    view! {
        <tr>
            <td>{device}</td>
            <td>{b.signed_in_at.date_time(lang())}</td>
            <td>{b.last_seen_at.date_time(lang())}</td>
            <td>{b.ip.unwrap_or_default()}</td>
            <td class="row-actions">
                {if b.current {
                    view! { <Badge text=tr!("profile-this-browser")/> }.into_any()
                } else {
                    view! {
                        <ActionForm action=end attr:class="inline">
                            <input type="hidden" name="session_id" value=b.id/>
                            <button type="submit" class="secondary" aria-label=label>{tr!("sign-out")}</button>
                        </ActionForm>
                    }.into_any()
                }}
            </td>
        </tr>
    }
}
