//! `/` sends the user where they belong; `/choose` lets them pick whom to act as.
use crate::components::shell::{session_resource, Header};
use crate::components::{signed_in, Badge, ErrorView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// Signed out: to sign-in. One organization: straight in. Several: the chooser.
#[component]
pub fn HomePage() -> impl IntoView {
    let session = session_resource();
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match session.await {
                    Ok(None) => view! { <Redirect path="/sign-in"/> }.into_any(),
                    Ok(Some(s)) if s.memberships.len() == 1 => {
                        let path = format!("/o/{}", s.memberships[0].organization_id);
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
        <Title text="Choose organization"/>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let s = match signed_in(session.await) {
                    Ok(s) => s,
                    Err(instead) => return instead,
                };
                let empty = s.memberships.is_empty();
                view! {
                    <Header session=s.clone()/>
                    <main id="main" class="content narrow">
                        <h1>"Choose whom to act as"</h1>
                        {if empty {
                            view! {
                                <p class="empty">"You are not a member of any organization yet. Ask your organization's admin to add you, or contact the platform operator."</p>
                            }.into_any()
                        } else {
                            view! {
                                <p class="muted">"You belong to several organizations. You can switch at any time from the header."</p>
                                <ul class="choice-list" aria-label="Organizations">
                                    {s.memberships.iter().map(|m| view! {
                                        <li>
                                            <a href=format!("/o/{}", m.organization_id) class="choice">
                                                <span class="choice-name">{m.organization_name.clone()}</span>
                                                <Badge text=m.kind.label() tone=m.kind.as_str()/>
                                                <span class="muted">{m.role.label()}</span>
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
