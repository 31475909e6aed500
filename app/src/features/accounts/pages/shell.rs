//! The signed-in layout: header (whom the user acts as, the switcher, the user menu, the
//! environment badge), sidebar navigation by organization kind, and the page in between.
use crate::components::{org_param, ErrorView, LanguageSwitch, Loading, SignInFirst, StatusBadge};
use crate::error::AppError;
use crate::features::accounts::api::{get_session, SignOut};
use crate::features::accounts::dto::{MembershipDto, OrgKind, Role, SessionDto};
use crate::features::notifications::pages::NotificationsChanged;
use crate::paths;
use leptos::prelude::*;
use leptos_fluent::tr;
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
            <button type="submit" class="link-button">{tr!("sign-out")}</button>
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
            {badge.map(|b| view! { <span class="env-badge" title=tr!("env-badge-title")>{b}</span> })}
            {acting_as.map(|m| view! {
                <div class="acting-as" aria-label=tr!("acting-as")>
                    <span class="muted">{tr!("acting-as")}</span>
                    <strong data-testid="acting-as">{m.organization_name.clone()}</strong>
                    <StatusBadge status=m.kind/>
                    {can_switch.then(|| view! { <a href="/choose" class="switch">{tr!("switch-organization")}</a> })}
                </div>
                <Bell org=m.organization_id unread=m.unread/>
            })}
            <div class="user-menu">
                <LanguageSwitch/>
                <a href="/profile" class="muted" data-testid="user-email"
                    aria-label=tr!("profile-link", { "email" => session.email.clone() })>{session.email.clone()}</a>
                <SignOutButton/>
            </div>
        </header>
    }
}

/// The sidebar's links for an organization kind and the user's role there: label and path below
/// `/o/:org`.
fn nav_items(kind: OrgKind, role: Role) -> Vec<(String, &'static str)> {
    let mut items = vec![(tr!("nav-dashboard"), "")];
    match kind {
        OrgKind::Operator => {
            items.push((tr!("nav-organizations"), "/organizations"));
            items.push((tr!("nav-access-requests"), "/access-requests"));
            items.push((tr!("nav-product-orders"), "/product-orders"));
            items.push((tr!("nav-catalog"), "/catalog"));
            items.push((tr!("nav-price-packages"), "/price-packages"));
            items.push((tr!("nav-commission"), "/commission"));
        }
        OrgKind::Partner => {
            items.push((tr!("nav-products"), "/products"));
            items.push((tr!("nav-product-orders"), "/product-orders"));
            items.push((tr!("nav-orders"), "/orders"));
            items.push((tr!("nav-sales-units"), "/sales-units"));
            items.push((tr!("nav-price-packages"), "/price-packages"));
            items.push((tr!("nav-commission"), "/commission"));
            items.push((tr!("nav-webhooks"), "/webhooks"));
            items.push((tr!("nav-api-keys"), "/api-keys"));
            items.push((tr!("nav-legacy-access"), "/legacy-access"));
        }
        OrgKind::Customer => {
            items.push((tr!("nav-suppliers"), "/suppliers"));
            items.push((tr!("nav-installations"), "/installations"));
            items.push((tr!("nav-product-orders"), "/product-orders"));
            items.push((tr!("nav-orders"), "/orders"));
        }
    }
    items.push((tr!("nav-users"), "/users"));
    if role == Role::Admin {
        items.push((tr!("nav-audit-log"), "/audit-log"));
    }
    items
}

/// The layout of `/o/:org/...`: checks that the user may act as that organization.
#[component]
pub fn OrgShell() -> impl IntoView {
    // Marking notifications read bumps this; the session (and the bell's count) reloads.
    let changed = RwSignal::new(0u32);
    provide_context(NotificationsChanged(changed));
    let session = Resource::new(move || changed.get(), |_| get_session());
    let org = org_param();
    let pathname = use_location().pathname;
    view! {
        <Transition fallback=Loading>
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
                let base = paths::org(m.organization_id);
                let items = nav_items(m.kind, m.role);
                view! {
                    <a class="skip-link" href="#main">{tr!("skip-to-content")}</a>
                    <Header session=s.clone() acting_as=m.clone()/>
                    <div class="layout">
                        <nav class="sidebar" aria-label=tr!("nav-main")>
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
        </Transition>
    }
}

/// The signed-in session, or the view to show instead: a redirect to sign-in, or the error.
pub fn signed_in(loaded: Result<Option<SessionDto>, AppError>) -> Result<SessionDto, AnyView> {
    match loaded {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(view! { <SignInFirst/> }.into_any()),
        Err(e) => Err(view! { <ErrorView error=e/> }.into_any()),
    }
}

/// The notification bell: a link to the list, with the unread count from the session.
#[component]
fn Bell(org: i32, unread: u64) -> impl IntoView {
    let label = tr!("bell-label", { "unread" => unread });
    view! {
        <a class="bell" href=format!("{}/notifications", paths::org(org)) aria-label=label>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
                <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/>
            </svg>
            {(unread > 0).then(|| view! { <span class="bell-count" aria-hidden="true" data-testid="bell-count">{unread}</span> })}
        </a>
    }
}
