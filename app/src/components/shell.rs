//! The signed-in layout: header (whom the user acts as, the switcher, the user menu, the
//! environment badge), sidebar navigation by organization kind, and the page in between.
use super::{org_param, signed_in, Badge, ErrorView};
use crate::api::{get_session, SignOut};
use crate::dto::{MembershipDto, OrgKind, SessionDto};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;

/// The session of the signed-in user, loaded once per page.
pub fn session_resource() -> Resource<Result<Option<SessionDto>, AppError>> {
    Resource::new(|| (), |_| get_session())
}

/// The header's sign-out button (a form, so it works without JavaScript).
#[component]
pub fn SignOutButton() -> impl IntoView {
    let action = ServerAction::<SignOut>::new();
    view! {
        <ActionForm action=action attr:class="inline">
            <button type="submit" class="link-button">"Sign out"</button>
        </ActionForm>
    }
}

/// The top bar shared by every signed-in page.
#[component]
pub fn Header(
    session: SessionDto,
    #[prop(optional)] acting_as: Option<MembershipDto>,
) -> impl IntoView {
    let badge = session.env_badge.clone();
    let can_switch = session.memberships.len() > 1;
    view! {
        <header class="topbar">
            <a class="brand" href="/">"Portico"</a>
            {badge.map(|b| view! { <span class="env-badge" title="This is not the production environment">{b}</span> })}
            {acting_as.map(|m| view! {
                <div class="acting-as" aria-label="Acting as">
                    <span class="muted">"Acting as"</span>
                    <strong data-testid="acting-as">{m.organization_name.clone()}</strong>
                    <Badge text=m.kind.label() tone=m.kind.as_str()/>
                    {can_switch.then(|| view! { <a href="/choose" class="switch">"Switch organization"</a> })}
                </div>
            })}
            <div class="user-menu">
                <span class="muted" data-testid="user-email">{session.email.clone()}</span>
                <SignOutButton/>
            </div>
        </header>
    }
}

fn nav_items(kind: OrgKind) -> Vec<(&'static str, &'static str)> {
    let mut items = vec![("Dashboard", "")];
    match kind {
        OrgKind::Operator => {
            items.push(("Organizations", "/organizations"));
            items.push(("Catalog", "/catalog"));
        }
        OrgKind::Partner => items.push(("Products", "/products")),
        OrgKind::Customer => {}
    }
    items.push(("Users", "/users"));
    items
}

/// The layout of `/o/:org/...`: checks that the user may act as that organization.
#[component]
pub fn OrgShell() -> impl IntoView {
    let session = session_resource();
    let org = org_param();
    let pathname = use_location().pathname;
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                let s = match signed_in(session.await) {
                    Ok(s) => s,
                    Err(instead) => return instead,
                };
                let Some(m) = s.membership(org.get()).cloned() else {
                    return view! {
                        <Header session=s.clone()/>
                        <main id="main" class="content"><ErrorView error=AppError::Forbidden/></main>
                    }
                    .into_any();
                };
                let base = format!("/o/{}", m.organization_id);
                let items = nav_items(m.kind);
                view! {
                    <a class="skip-link" href="#main">"Skip to content"</a>
                    <Header session=s.clone() acting_as=m.clone()/>
                    <div class="layout">
                        <nav class="sidebar" aria-label="Main">
                            <ul>
                                {items.into_iter().map(|(label, suffix)| {
                                    let href = format!("{base}{suffix}");
                                    let href2 = href.clone();
                                    let current = move || {
                                        let p = pathname.get();
                                        (p == href2 || (!suffix.is_empty() && p.starts_with(&format!("{href2}/")))).then_some("page")
                                    };
                                    view! { <li><a href=href aria-current=current>{label}</a></li> }
                                }).collect_view()}
                            </ul>
                        </nav>
                        <main id="main" class="content">
                            <Outlet/>
                        </main>
                    </div>
                }
                .into_any()
            })}
        </Suspense>
    }
}
