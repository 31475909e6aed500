//! `/` sends the user where they belong; `/choose` lets them pick whom to act as.
use super::shell::{session_resource, signed_in, Header};
use crate::components::{EmptyState, ErrorView, Loading, SignInFirst, StatusBadge};
use crate::i18n::lang;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// Signed out: to sign-in. One organization: straight in. Several: the chooser.
#[component]
pub fn HomePage() -> impl IntoView {
    let session = session_resource();
    view! {
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match session.await {
                    Ok(None) => view! { <SignInFirst/> }.into_any(),
                    Ok(Some(s)) if s.memberships.len() == 1 => {
                        let path = paths::org(s.memberships[0].organization_id);
                        view! { <Redirect path=path/> }.into_any()
                    }
                    Ok(Some(_)) => view! { <Redirect path="/choose"/> }.into_any(),
                    Err(e) => view! { <ErrorView error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The list of partners, customers and the operator the user may act as.
#[component]
pub fn ChoosePage() -> impl IntoView {
    let session = session_resource();
    view! {
        <Title text=tr!("choose-title")/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let s = match signed_in(session.await) {
                    Ok(s) => s,
                    Err(instead) => return instead,
                };
                let empty = s.memberships.is_empty();
                view! {
                    <Header session=s.clone()/>
                    <main id="main" class="content narrow">
                        <h1>{tr!("choose-heading")}</h1>
                        {if empty {
                            view! {
                                <EmptyState text=tr!("choose-none")/>
                            }.into_any()
                        } else {
                            view! {
                                <p class="muted">{tr!("choose-several")}</p>
                                <ul class="choice-list" aria-label=tr!("nav-organizations")>
                                    {s.memberships.iter().map(|m| view! {
                                        <li>
                                            <a href=paths::org(m.organization_id) class="choice">
                                                <span class="choice-name">{m.organization_name.clone()}</span>
                                                <StatusBadge status=m.kind/>
                                                <span class="muted">{m.role.label(lang())}</span>
                                            </a>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}
